import { ELEMENT_NAMES } from '../report/index.js';
import type { LetterResult } from './letterCheck.js';

/**
 * Quotes a cell for RFC 4180, and defuses cells a spreadsheet would run as a formula
 * (a file named "=HYPERLINK(...).pdf" must stay text when an office opens the sheet).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['file', 'verdict', 'missing_or_invalid', 'uncertain', ...ELEMENT_NAMES, 'findings', 'error_code', 'error'];

/** One row per letter: verdict, what is lacking, each element's status, finding codes, or the error. */
export function formatCsv(results: LetterResult[]): string {
  const rows = [HEADER];
  for (const result of results) {
    if ('error' in result) {
      rows.push([result.file, 'error', '', '', ...ELEMENT_NAMES.map(() => ''), '', result.error.code, result.error.detail ?? result.error.title]);
      continue;
    }
    const { report } = result;
    const required = ELEMENT_NAMES.filter((n) => report.elements[n].required);
    rows.push([
      result.file,
      report.verdict,
      required.filter((n) => ['missing', 'invalid'].includes(report.elements[n].status)).join(' '),
      required.filter((n) => report.elements[n].status === 'uncertain').join(' '),
      ...ELEMENT_NAMES.map((n) => report.elements[n].status),
      report.findings.map((f) => f.code).join(' '),
      '',
      '',
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
