import type { IncomingMessage } from 'node:http';

export const MALFORMED_PATH_ROUTE: string;
export function hasMalformedPath(target: string): boolean;
export function rewriteMalformedPath(request: Pick<IncomingMessage, 'url'>): boolean;
