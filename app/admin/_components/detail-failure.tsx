import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';

import type { ApiError } from '@/app/_components/api-types';
import { isRefusal } from '@/app/_components/refusal';
import { Button } from '@/app/_components/ui/button';
import { EmptyState, ErrorState } from '@/app/_components/ui/empty-state';

/**
 * A record's page when its query failed. A refusal (404, or 400 for a malformed id)
 * is to the reader just as missing: say so and lead back to the list; anything else
 * may pass, so offer to try again.
 */
export function DetailFailure({
  error,
  onRetry,
  icon,
  missing,
  failed,
  back,
}: {
  error: ApiError;
  onRetry: () => void;
  icon: LucideIcon;
  missing: string;
  failed: string;
  back: { href: string; label: string };
}) {
  if (!isRefusal(error)) {
    return (
      <ErrorState title={failed} onRetry={onRetry}>
        {error.message}
      </ErrorState>
    );
  }
  return (
    <EmptyState
      icon={icon}
      title={missing}
      action={
        <Button asChild variant="outline">
          <Link href={back.href}>{back.label}</Link>
        </Button>
      }
    />
  );
}
