// Every mail the app sends, one file each; they share layout.tsx, render.ts and words.ts
// (their words are the `mail` messages, server/i18n/messages/<locale>/mail.json).
export { accountExistsEmail } from './account-exists';
export { emailChangeEmail } from './email-change';
export { emailChangeNoticeEmail } from './email-change-notice';
export { invitationEmail } from './invitation';
export { passwordResetEmail } from './password-reset';
export { signInEmail } from './sign-in';
export { verificationEmail } from './verification';
