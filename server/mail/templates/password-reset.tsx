import { linkEmail } from './link-email';

export const passwordResetEmail = linkEmail('passwordReset');
