'use client';

import { PageError } from '@/app/_components/page-error';

/** Inside the shell: the sidebar stays, so the rest of the dashboard is one click away. */
export default function AdminError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <PageError {...props} home="/admin/users" />;
}
