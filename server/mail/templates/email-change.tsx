import { linkEmail } from './link-email';

export const emailChangeEmail = linkEmail('emailChange');
