/** See static-security-headers.mjs. */
export const STATIC_SECURITY_HEADERS: Record<string, string>;
