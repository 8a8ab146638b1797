import { parseCookieHeader } from '@supabase/ssr';

/**
 * The Cookie header a browser would send back after a response's Set-Cookie headers,
 * on top of the `previous` one: a cookie set to expire (Max-Age=0) or to nothing goes.
 */
export function cookieHeaderFrom(response: Response, previous = '') {
  const jar = new Map(parseCookieHeader(previous).map(({ name, value }) => [name, value ?? '']));
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...rest] = pair!.split('=');
    const value = rest.join('=');
    if (value && !/Max-Age=0/i.test(line)) jar.set(name!, value);
    else jar.delete(name!);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
