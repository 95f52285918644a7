/**
 * Saves CSV text as a file, as if downloaded. The byte-order mark lets spreadsheets read
 * names with accents as UTF-8.
 */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Freed once the browser surely has the file (revoking at once can cut a download short).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
