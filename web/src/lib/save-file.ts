import type { DownloadedFile } from '../api/client.ts';

/** Hand a downloaded file to the browser's save dialog under the name the server gave it. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers save an empty file.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
