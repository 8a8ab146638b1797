import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62, like the tail of a real Stripe id. */
export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += BASE62[randomInt(BASE62.length)];
  return out;
}

/** Stripe-style ids: the prefix tells the object type (and lets `expand` find it). */
export const newId = {
  customer: () => `cus_${randomBase62(14)}`,
  product: () => `prod_${randomBase62(14)}`,
  price: () => `price_${randomBase62(24)}`,
  checkoutSession: () => `cs_test_${randomBase62(58)}`,
  subscription: () => `sub_${randomBase62(24)}`,
  subscriptionItem: () => `si_${randomBase62(14)}`,
  invoice: () => `in_${randomBase62(24)}`,
  invoiceLine: () => `il_${randomBase62(24)}`,
  invoiceItem: () => `ii_${randomBase62(24)}`,
  /** A preview is not stored, and Stripe marks its ids (and its lines') as such. */
  invoicePreview: () => `upcoming_in_${randomBase62(24)}`,
  previewLine: () => `il_tmp_${randomBase62(24)}`,
  portalSession: () => `bps_${randomBase62(24)}`,
  event: () => `evt_${randomBase62(24)}`,
  request: () => `req_${randomBase62(14)}`,
};

/** Unix seconds, the unit of every Stripe timestamp. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
