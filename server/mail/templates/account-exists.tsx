import { linkEmail } from './link-email';

/** Sent instead of a second account, so sign-up never reveals who is registered. */
export const accountExistsEmail = linkEmail('accountExists');
