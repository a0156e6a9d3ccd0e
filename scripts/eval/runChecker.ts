/** Runs the real checker over the labelled letters, one at a time, as the service would. */
import { readFileSync } from 'node:fs';
import { createChecker, type Checker } from '../../src/checker.js';
import type { Settings } from '../../src/config/settings.js';
import { createOcrService } from '../../src/extract/ocr/createOcrService.js';
import type { LabelsFile, LetterLabel } from './labelsSchema.js';
import { scoreLetter, type GotReport, type LetterResult } from './score.js';

export async function openChecker(settings: Settings, needsOcr: boolean): Promise<Checker> {
  const ocr = needsOcr && settings.OCR_WORKERS > 0 ? createOcrService(settings) : null;
  const checker = await createChecker(settings, { ocr });
  await checker.ready();
  return checker;
}

export function checkOptions(label: LetterLabel, checkedOn: string) {
  const r = label.request;
  return {
    profile: label.profile,
    studentName: r.student_name,
    employer: r.employer,
    startDate: r.start_date,
    endDate: r.end_date,
    graduationDate: r.graduation_date,
    program: r.program,
    today: checkedOn,
  };
}

export async function evaluateLetters(
  checker: Checker,
  labels: LabelsFile,
  letters: LetterLabel[],
  fixturesDir: URL,
  onLetter?: (result: LetterResult) => void,
): Promise<LetterResult[]> {
  const results: LetterResult[] = [];
  for (const label of letters) {
    const bytes = readFileSync(new URL(label.file, fixturesDir));
    const started = performance.now();
    let report: GotReport | null = null;
    let error: string | null = null;
    try {
      report = (await checker.check(bytes, checkOptions(label, labels.checkedOn))) as GotReport;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      error = `${e.code ?? 'Error'}: ${e.message ?? String(err)}`.slice(0, 300);
    }
    const result = scoreLetter(label, report, error, (performance.now() - started) / 1000);
    results.push(result);
    onLetter?.(result);
  }
  return results;
}
