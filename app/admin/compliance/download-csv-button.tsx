'use client';

import { DownloadIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';

import { downloadFile } from '@/app/_components/download-file';
import { Button } from '@/app/_components/ui/button';

/** Saves the report on screen; the server already sent it as CSV. */
export function DownloadCsvButton({ from, to, csv }: { from: string; to: string; csv: string }) {
  const t = useTranslations('admin.compliance');
  return (
    <Button
      variant="outline"
      size="sm"
      onClick={() => downloadFile(`compliance-${from}-to-${to}.csv`, csv)}
    >
      <DownloadIcon aria-hidden />
      {t('download')}
    </Button>
  );
}
