import { linkEmail } from './link-email';

export const verificationEmail = linkEmail('verification');
