import type { ApiRoute, Context } from '../context';
import { invalidParam, invalidState, missingParam, noSuch } from '../errors';
import { newId, nowSeconds } from '../ids';
import { paginate } from '../list';
import {
  applyMetadata,
  nullIfEmpty,
  optionalBoolean,
  optionalInteger,
  optionalParams,
  optionalString,
  requiredString,
  stringList,
  type Params,
} from '../params';
import { newestFirst, type State } from '../store';
import type { Interval, Price, Product } from '../types';

export function buildProduct(fields: { id?: string; name: string; created?: number }): Product {
  const created = fields.created ?? nowSeconds();
  return {
    id: fields.id ?? newId.product(),
    object: 'product',
    active: true,
    created,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: created,
    url: null,
  };
}

export function buildPrice(fields: {
  id?: string;
  product: string;
  unitAmount: number;
  currency: string;
  interval: Interval;
  lookupKey?: string | null;
}): Price {
  return {
    id: fields.id ?? newId.price(),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: nowSeconds(),
    currency: fields.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: fields.lookupKey ?? null,
    metadata: {},
    nickname: null,
    product: fields.product,
    recurring: {
      interval: fields.interval,
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: 'recurring',
    unit_amount: fields.unitAmount,
    unit_amount_decimal: String(fields.unitAmount),
  };
}

export function getPrice(state: State, id: string, param = 'id'): Price {
  const price = state.prices.get(id);
  if (!price) throw noSuch('price', id, param);
  return price;
}

export function getProduct(state: State, id: string, param = 'id'): Product {
  const product = state.products.get(id);
  if (!product) throw noSuch('product', id, param);
  return product;
}

/** The product's name, for pages and invoice lines; tolerant of a deleted product. */
export const productName = (state: State, price: Price): string =>
  state.products.get(price.product)?.name ?? price.product;

/** Only recurring prices exist here: the emulator sells subscriptions. */
function interval(params: Params): Interval {
  const recurring = optionalParams(params, 'recurring');
  if (!recurring) throw invalidParam('recurring', 'Only recurring prices are supported.');
  const value = requiredString(recurring, 'interval', 'recurring[interval]');
  if (value !== 'month' && value !== 'year') {
    throw invalidParam(
      'recurring[interval]',
      'Invalid recurring[interval]: must be one of month or year',
      'parameter_invalid_enum',
    );
  }
  return value;
}

/** Lookup keys are unique; `transfer_lookup_key` moves one from its old price. */
function claimLookupKey(ctx: Context, key: string | null | undefined, params: Params) {
  if (!key) return;
  const holder = newestFirst(ctx.state.prices).find((price) => price.lookup_key === key);
  if (!holder) return;
  if (!optionalBoolean(params, 'transfer_lookup_key')) {
    throw invalidState(`A price (${holder.id}) already uses that lookup key.`, 'lookup_key');
  }
  holder.lookup_key = null;
}

function createPrice(ctx: Context, params: Params): Price {
  const productData = optionalParams(params, 'product_data');
  let productId = optionalString(params, 'product');
  if (!productId && productData) {
    const product = buildProduct({
      name: requiredString(productData, 'name', 'product_data[name]'),
    });
    ctx.state.products.set(product.id, product);
    productId = product.id;
  }
  if (!productId) throw missingParam('product');
  getProduct(ctx.state, productId, 'product');
  const unitAmount = optionalInteger(params, 'unit_amount');
  if (unitAmount === undefined) {
    throw missingParam('unit_amount');
  }
  const currency = requiredString(params, 'currency');
  const lookupKey = nullIfEmpty(optionalString(params, 'lookup_key'));
  const recurringInterval = interval(params);
  claimLookupKey(ctx, lookupKey, params);
  const price = buildPrice({
    product: productId,
    unitAmount,
    currency,
    interval: recurringInterval,
    lookupKey,
  });
  price.nickname = nullIfEmpty(optionalString(params, 'nickname')) ?? null;
  price.metadata = applyMetadata({}, params);
  if (optionalBoolean(params, 'active') === false) price.active = false;
  ctx.state.prices.set(price.id, price);
  return price;
}

function listPrices(ctx: Context, params: Params) {
  const product = optionalString(params, 'product');
  const active = optionalBoolean(params, 'active');
  const currency = optionalString(params, 'currency')?.toLowerCase();
  const lookupKeys = stringList(params, 'lookup_keys');
  const prices = newestFirst(ctx.state.prices).filter(
    (price) =>
      (product === undefined || price.product === product) &&
      (active === undefined || price.active === active) &&
      (currency === undefined || price.currency === currency) &&
      (lookupKeys === undefined ||
        (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))),
  );
  return paginate(prices, params, '/v1/prices');
}

export const catalogRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/products',
    handler: (ctx, { params }) => {
      const id = optionalString(params, 'id');
      if (id && ctx.state.products.has(id)) {
        throw invalidState(`Product already exists.`, 'id');
      }
      const product = buildProduct({ id, name: requiredString(params, 'name') });
      product.description = nullIfEmpty(optionalString(params, 'description')) ?? null;
      product.metadata = applyMetadata({}, params);
      if (optionalBoolean(params, 'active') === false) product.active = false;
      ctx.state.products.set(product.id, product);
      return product;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/products/:id',
    handler: (ctx, { path }) => getProduct(ctx.state, path.id ?? ''),
  },
  {
    method: 'GET',
    pattern: '/v1/products',
    handler: (ctx, { params }) => {
      const active = optionalBoolean(params, 'active');
      const ids = stringList(params, 'ids');
      const products = newestFirst(ctx.state.products).filter(
        (product) =>
          (active === undefined || product.active === active) &&
          (ids === undefined || ids.includes(product.id)),
      );
      return paginate(products, params, '/v1/products');
    },
  },
  { method: 'POST', pattern: '/v1/prices', handler: (ctx, { params }) => createPrice(ctx, params) },
  {
    method: 'GET',
    pattern: '/v1/prices/:id',
    handler: (ctx, { path }) => getPrice(ctx.state, path.id ?? ''),
  },
  { method: 'GET', pattern: '/v1/prices', handler: (ctx, { params }) => listPrices(ctx, params) },
];
