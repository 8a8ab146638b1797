import { PRODUCT_NAME } from './layout';
import { linkEmail, type LinkEmailWords } from './link-email';

const words: LinkEmailWords = {
  subject: 'Reset your password',
  intro: `Someone asked to reset the password of the ${PRODUCT_NAME} account for this address. The link works for one hour, once.`,
  action: 'Choose a new password',
  reason: `You got this email because a password reset was requested for this address on ${PRODUCT_NAME}. If it was not you, ignore it: your password stays as it is.`,
};

export const passwordResetEmail = linkEmail(words);
