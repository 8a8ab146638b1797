import { PRODUCT_NAME } from './layout';
import { linkEmail, type LinkEmailWords } from './link-email';

const words: LinkEmailWords = {
  subject: 'You already have an account',
  intro: `Someone tried to create a ${PRODUCT_NAME} account with this address, which already has one. If it was you, sign in, or reset your password if you have forgotten it.`,
  action: 'Reset my password',
  reason: `You got this email because someone signed up for ${PRODUCT_NAME} with this address. If it was not you, ignore it: nothing has changed.`,
};

/** Sent instead of a second account, so sign-up never reveals who is registered. */
export const accountExistsEmail = linkEmail(words);
