/** Saves `text` as a file through a temporary Blob link. */
export function downloadFile(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right after the click can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
