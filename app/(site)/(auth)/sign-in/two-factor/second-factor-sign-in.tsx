'use client';

import { useRouter } from 'next/navigation';

import { SecondFactorForm } from '@/app/_components/second-factor-form';

import { safeNext } from '../../_components/safe-next';

/** The code step of a sign-in: once verified, on to where the sign-in was headed. */
export function SecondFactorSignIn({ next }: { next?: string }) {
  const router = useRouter();
  return (
    <SecondFactorForm
      onVerified={() => {
        router.push(safeNext(next));
        router.refresh();
      }}
    />
  );
}
