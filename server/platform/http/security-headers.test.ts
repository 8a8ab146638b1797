import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { pageContentSecurityPolicy, TOAST_STYLESHEET_HASHES } from './security-headers';

/** The stylesheet sonner adds to <head> when it loads, captured with a stand-in document. */
async function sonnerStylesheet(): Promise<string> {
  const added: string[] = [];
  Object.assign(globalThis, {
    document: {
      head: { appendChild: () => {} },
      createElement: () => ({ appendChild: (text: string) => added.push(text) }),
      createTextNode: (text: string) => text,
    },
  });
  await import('sonner');
  return added.join('');
}

describe('page Content-Security-Policy', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'document');
  });

  it("allows sonner's own stylesheet by its hash beside the nonce", async () => {
    const css = await sonnerStylesheet();
    expect(css).toContain('[data-sonner-toaster]');
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(TOAST_STYLESHEET_HASHES).toBe(`${hash(css)} ${hash('')}`);

    const policy = pageContentSecurityPolicy('abc', { dev: false, https: true });
    const styleSrc = policy.split('; ').find((directive) => directive.startsWith('style-src '));
    expect(styleSrc).toBe(`style-src 'self' 'nonce-abc' ${TOAST_STYLESHEET_HASHES}`);
  });
});
