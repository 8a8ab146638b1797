import { PRODUCT_NAME } from './layout';
import { linkEmail, type LinkEmailWords } from './link-email';

const words: LinkEmailWords = {
  subject: 'Confirm your new email address',
  intro: `Confirm that this address is yours to make it the email of your ${PRODUCT_NAME} account.`,
  action: 'Confirm my new email',
  reason: `You got this email because someone asked to move a ${PRODUCT_NAME} account to this address. If it was not you, ignore it: nothing changes without this link.`,
};

export const emailChangeEmail = linkEmail(words);
