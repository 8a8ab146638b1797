import type { ApiRoute, Context } from '../context';
import { invalidParam, noSuch } from '../errors';
import { newId, nowSeconds, randomBase62 } from '../ids';
import { paginate } from '../list';
import { applyMetadata, nullIfEmpty, optionalString, type Params } from '../params';
import { newestFirst } from '../store';
import type { Customer } from '../types';

/** Stripe refuses malformed addresses; the emulator only checks the obvious shape. */
function email(params: Params): string | null | undefined {
  const value = nullIfEmpty(optionalString(params, 'email'));
  if (value && !/^[^\s@]+@[^\s@]+$/.test(value)) {
    throw invalidParam('email', `Invalid email address: ${value}`, 'email_invalid');
  }
  return value;
}

export function createCustomer(
  ctx: Context,
  fields: { email?: string | null; name?: string | null; metadata?: Customer['metadata'] },
): Customer {
  const customer: Customer = {
    id: newId.customer(),
    object: 'customer',
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: fields.email ?? null,
    invoice_prefix: randomBase62(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
    livemode: false,
    metadata: fields.metadata ?? {},
    name: fields.name ?? null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  ctx.state.customers.set(customer.id, customer);
  return customer;
}

export function getCustomer(ctx: Context, id: string, param = 'id'): Customer {
  const customer = ctx.state.customers.get(id);
  if (!customer) throw noSuch('customer', id, param);
  return customer;
}

export const customerRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/customers',
    handler: (ctx, { params }) => {
      const customer = createCustomer(ctx, {
        email: email(params),
        name: nullIfEmpty(optionalString(params, 'name')),
        metadata: applyMetadata({}, params),
      });
      customer.description = nullIfEmpty(optionalString(params, 'description')) ?? null;
      customer.phone = nullIfEmpty(optionalString(params, 'phone')) ?? null;
      return customer;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:id',
    handler: (ctx, { path }) => getCustomer(ctx, path.id ?? ''),
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:id',
    handler: (ctx, { params, path }) => {
      const customer = getCustomer(ctx, path.id ?? '');
      const newEmail = email(params);
      if (newEmail !== undefined) customer.email = newEmail;
      for (const field of ['name', 'description', 'phone'] as const) {
        const value = nullIfEmpty(optionalString(params, field));
        if (value !== undefined) customer[field] = value;
      }
      customer.metadata = applyMetadata(customer.metadata, params);
      return customer;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers',
    handler: (ctx, { params }) => {
      const wanted = optionalString(params, 'email');
      const customers = newestFirst(ctx.state.customers).filter(
        (customer) => wanted === undefined || customer.email === wanted,
      );
      return paginate(customers, params, '/v1/customers');
    },
  },
];
