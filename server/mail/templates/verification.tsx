import { PRODUCT_NAME } from './layout';
import { linkEmail, type LinkEmailWords } from './link-email';

const words: LinkEmailWords = {
  subject: 'Confirm your email address',
  intro: `Confirm that this address is yours to finish setting up your ${PRODUCT_NAME} account.`,
  action: 'Confirm my email',
  reason: `You got this email because someone signed up for ${PRODUCT_NAME} with this address. If it was not you, ignore it: no account is made without this link.`,
};

export const verificationEmail = linkEmail(words);
