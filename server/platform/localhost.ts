/** The one place where browsers refuse Secure cookies. */
export function isPlainHttpLocalhost(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
