// "Export CSV": the day or month on screen as start,kwh,readings, built in the browser and downloaded.

export interface CsvRow {
  /** ISO-8601 with the site zone's offset. */
  start: string;
  kwh: number;
  readings: number;
}

/** kWh are written unrounded, as the API gives them. */
export function toCsv(rows: CsvRow[]): string {
  return (
    ['start,kwh,readings', ...rows.map((r) => `${r.start},${r.kwh},${r.readings}`)].join('\r\n') + '\r\n'
  );
}

/** A safe file name: the parts joined by dashes, only letters, digits, dots and dashes. */
export function csvFileName(...parts: string[]): string {
  return `${parts.map((p) => p.replace(/[^\p{L}\p{N}.-]+/gu, '-').replace(/^-+|-+$/g, '')).join('-')}.csv`;
}

export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
