/** What the web app checks about a file before it is uploaded. */

/** The most the service accepts for one file (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** `532 B`, `14.2 KiB`, `10.0 MiB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Why a chosen file cannot be attached, in plain words; null when it can. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty; choose a file with something in it.`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `${file.name} is ${formatSize(file.size)}; a file may be at most ${formatSize(MAX_ATTACHMENT_BYTES)}. Compress it or split it into smaller files.`;
  }
  return null;
}
