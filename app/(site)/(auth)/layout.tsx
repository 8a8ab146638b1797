import type { ReactNode } from 'react';

import { Card } from '@/app/_components/ui/card';

/** Sign-in, sign-up and password pages: one centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md py-4">
      <Card className="p-6 sm:p-8">{children}</Card>
    </div>
  );
}
