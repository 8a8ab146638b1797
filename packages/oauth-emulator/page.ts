import { TEST_USERS } from './users';

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The authorization request, carried through the page's forms unchanged. */
const hidden = (params: URLSearchParams) =>
  [...params]
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('');

/** "Sign in to <flavour>": pick a test user, or type any address (verified or not). */
export function signInPage(
  flavour: string,
  params: URLSearchParams,
  action = `/${flavour}/authorize`,
): string {
  const users = TEST_USERS.map(
    (user, index) => `<form method="post" action="${action}">${hidden(params)}
      <input type="hidden" name="user" value="${index}">
      <button type="submit">Continue as ${escape(user.name)} &lt;${escape(user.email)}&gt;</button>
    </form>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Local ${escape(flavour)} sign-in</title>
<style>body{font-family:system-ui;max-width:32rem;margin:3rem auto}form{margin:.5rem 0}
button{padding:.5rem 1rem}</style></head><body>
<h1>Local ${escape(flavour)} sign-in</h1>
<p>A stand-in for ${escape(flavour)} on this machine: choose who you are.</p>
${users}
<form method="post" action="${action}">${hidden(params)}
  <input type="hidden" name="user" value="custom">
  <p><label>Email <input name="email" type="email" required></label></p>
  <p><label>Name <input name="name"></label></p>
  <p><label><input type="checkbox" name="verified" value="yes" checked> Address verified</label></p>
  <button type="submit">Continue with this address</button>
</form>
<form method="post" action="${action}">${hidden(params)}
  <input type="hidden" name="user" value="deny"><button type="submit">Cancel</button>
</form></body></html>`;
}
