import { publicError, type PublicError } from './errors';

// RFC 8259: JSON between systems is UTF-8. Anything else, or bytes that are not
// UTF-8, would be decoded with U+FFFD in place of what the client meant.
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a JSON body cannot be read as the client meant it, or null. */
function jsonEncodingRefusal(contentType: string, body: Buffer): PublicError | null {
  if (!JSON_TYPE.test(contentType)) return null;
  const charset = CHARSET.exec(contentType)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return publicError('UNSUPPORTED_MEDIA_TYPE', 'A JSON body must be UTF-8 (charset=utf-8).');
  }
  try {
    strictUtf8.decode(body);
    return null;
  } catch {
    return publicError('BAD_REQUEST', 'The body is not valid UTF-8.');
  }
}

/**
 * Reads the body of `request` into memory, refusing it once it passes `maxBytes`
 * (whether or not the client declared its length) or when a JSON body is not UTF-8.
 * Returns an equivalent request whose body can be read again by the adapter, or the
 * refusal.
 */
export async function withBoundedBody(
  request: Request,
  maxBytes: number,
): Promise<Request | PublicError> {
  const tooLarge = () =>
    publicError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
  if (!request.body) return request;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  const refusal = jsonEncodingRefusal(request.headers.get('content-type') ?? '', body);
  if (refusal) return refusal;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
  });
}
