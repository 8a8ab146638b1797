'use client';

import { downloadFile } from '@/app/_components/download-file';
import { secondaryButtonClass } from '../_components/styles';

/** Saves the report on screen; the server already sent it as CSV. */
export function DownloadCsvButton({ from, to, csv }: { from: string; to: string; csv: string }) {
  return (
    <button
      type="button"
      onClick={() => downloadFile(`compliance-${from}-to-${to}.csv`, csv)}
      className={secondaryButtonClass}
    >
      Download CSV
    </button>
  );
}
