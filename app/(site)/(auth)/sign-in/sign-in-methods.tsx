'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { Button } from '@/app/_components/ui/button';

import { CredentialsForm } from '../_components/credentials-form';
import { EmailSignInForm } from './email-sign-in-form';

/**
 * The password form, or instead the passwordless one. One form at a time, so each
 * field's label names one field on the page (and a password manager sees one form).
 */
export function SignInMethods({ next, mailboxUrl }: { next?: string; mailboxUrl?: string }) {
  const t = useTranslations('auth.signIn');
  const [byEmail, setByEmail] = useState(false);
  return (
    <div className="space-y-4">
      {byEmail ? (
        <EmailSignInForm next={next} mailboxUrl={mailboxUrl} />
      ) : (
        <CredentialsForm mode="sign-in" next={next} />
      )}
      <div className="border-t border-border pt-4">
        <Button type="button" variant="outline" onClick={() => setByEmail(!byEmail)}>
          {byEmail ? t('withPassword') : t('withEmail')}
        </Button>
      </div>
    </div>
  );
}
