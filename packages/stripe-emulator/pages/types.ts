import type { Context, Method } from '../context';
import type { Params } from '../params';

/** A hosted page's answer: HTML with a status, or a 303 after a form POST. */
export type PageResult = { status: number; html: string } | { redirect: string };

export type PageRoute = {
  method: Method;
  pattern: string;
  handler: (ctx: Context, path: Record<string, string>, form: Params) => PageResult;
};
