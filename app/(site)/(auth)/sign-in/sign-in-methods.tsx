'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { Button } from '@/app/_components/ui/button';

import { CredentialsForm } from '../_components/credentials-form';
import { EmailSignInForm } from './email-sign-in-form';
import { PasskeySignIn } from './passkey-sign-in';

/**
 * The password form, or instead the passwordless one. One form at a time, so each
 * field's label names one field on the page (and a password manager sees one form).
 */
export function SignInMethods({
  next,
  mailboxUrl,
  passkeys,
}: {
  next?: string;
  mailboxUrl?: string;
  /** Whether this deployment's provider keeps passkeys (the built-in one does). */
  passkeys: boolean;
}) {
  const t = useTranslations('auth.signIn');
  const [byEmail, setByEmail] = useState(false);
  return (
    <div className="space-y-4">
      {byEmail ? (
        <EmailSignInForm next={next} mailboxUrl={mailboxUrl} />
      ) : (
        <CredentialsForm mode="sign-in" next={next} />
      )}
      <div className="space-y-3 border-t border-border pt-4">
        <Button type="button" variant="outline" onClick={() => setByEmail(!byEmail)}>
          {byEmail ? t('withPassword') : t('withEmail')}
        </Button>
        {passkeys && <PasskeySignIn next={next} />}
      </div>
    </div>
  );
}
