/** One spelling per address: accounts are found by the trimmed, lower-cased email. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
