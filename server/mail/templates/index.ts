// Every mail the app sends, one file each; they share layout.tsx and render.ts.
export { accountExistsEmail } from './account-exists';
export { emailChangeEmail } from './email-change';
export { emailChangeNoticeEmail } from './email-change-notice';
export { invitationEmail } from './invitation';
export { passwordResetEmail } from './password-reset';
export { verificationEmail } from './verification';
