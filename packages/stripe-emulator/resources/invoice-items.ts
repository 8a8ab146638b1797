import type { ApiRoute } from '../context';
import { noSuch } from '../errors';
import { paginate } from '../list';
import { optionalBoolean, optionalString } from '../params';
import { newestFirst, type State } from '../store';
import type { InvoiceItem, Subscription } from '../types';

/**
 * The items the next invoice of `subscription` takes in, oldest first: those still
 * pending (no invoice yet) in the subscription's currency — an invoice has one currency.
 */
export function pendingItems(state: State, subscription: Subscription): InvoiceItem[] {
  return [...state.invoiceItems.values()].filter(
    (item) =>
      item.invoice === null &&
      item.parent.subscription_details.subscription === subscription.id &&
      item.currency === subscription.currency,
  );
}

export const invoiceItemRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/invoiceitems/:id',
    handler: (ctx, { path }) => {
      const item = ctx.state.invoiceItems.get(path.id ?? '');
      if (!item) throw noSuch('invoiceitem', path.id ?? '');
      return item;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoiceitems',
    handler: (ctx, { params }) => {
      const customer = optionalString(params, 'customer');
      const invoice = optionalString(params, 'invoice');
      // true: not on an invoice yet; false: already invoiced; absent: both.
      const pending = optionalBoolean(params, 'pending');
      const items = newestFirst(ctx.state.invoiceItems).filter(
        (item) =>
          (customer === undefined || item.customer === customer) &&
          (invoice === undefined || item.invoice === invoice) &&
          (pending === undefined || (item.invoice === null) === pending),
      );
      return paginate(items, params, '/v1/invoiceitems');
    },
  },
];
