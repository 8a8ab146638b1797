/** See local-app.mjs: whether the app runs on a developer's machine. */
export function isLocalApp(variables: {
  VERCEL?: string | undefined;
  APP_URL?: string | undefined;
}): boolean;
