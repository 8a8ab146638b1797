import { invalidParam } from './errors';
import { optionalInteger, optionalString, type Params } from './params';
import type { ListObject } from './types';

/**
 * One page of `items` (already filtered, newest first) as a Stripe list: `limit`
 * (1–100, default 10), and a cursor — `starting_after` pages towards older objects,
 * `ending_before` towards newer ones. The SDK's auto-pagination uses the former.
 */
export function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  url: string,
): ListObject<T> {
  const limit = optionalInteger(params, 'limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');

  if (endingBefore) {
    const end = indexOf(items, endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter ? indexOf(items, startingAfter, 'starting_after') + 1 : 0;
  const data = items.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < items.length, url };
}

function indexOf(items: { id: string }[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) {
    throw invalidParam(param, `No such object in this list: '${id}'`, 'resource_missing');
  }
  return index;
}
