/** Scores checker reports against labels: per element, per verdict, per profile, per finding. */
import type { ElementName } from '../../src/report/index.js';
import { compareElement, type ElementComparison, type GotElement } from './compareElement.js';
import { LABELLED_ELEMENTS, type LabelGroup, type LabelledElement, type LetterLabel } from './labelsSchema.js';

/** What the evaluation needs from a report (a subset of src/report/report.ts's Report). */
export interface GotReport {
  verdict: string;
  elements: Partial<Record<ElementName, GotElement>>;
  findings: { code: string }[];
}

export interface LetterResult {
  file: string;
  group: LabelGroup;
  profile: string;
  deficient: boolean;
  expectedVerdict: string;
  /** The checker's verdict, or "error" when it threw. */
  verdict: string;
  error: string | null;
  seconds: number;
  elements: Record<LabelledElement, ElementComparison & { expected: unknown; got: unknown; ambiguous?: string }>;
  missedFindings: string[];
}

export function scoreLetter(label: LetterLabel, report: GotReport | null, error: string | null, seconds: number): LetterResult {
  const elements = {} as LetterResult['elements'];
  for (const name of LABELLED_ELEMENTS) {
    const expected = label.elements[name];
    const got = report?.elements[name];
    const comparison = error ? { ok: false, statusOk: false, valueOk: false, reason: `checker error: ${error}` } : compareElement(name, expected, got);
    elements[name] = { ...comparison, expected, got: got ? { status: got.status, value: got.value } : null, ...(expected.ambiguous ? { ambiguous: expected.ambiguous } : {}) };
  }
  const codes = new Set(report?.findings.map((f) => f.code) ?? []);
  return {
    file: label.file,
    group: label.group,
    profile: label.profile,
    deficient: label.deficient,
    expectedVerdict: label.expectedVerdict,
    verdict: error ? 'error' : (report?.verdict ?? 'error'),
    error,
    seconds,
    elements,
    missedFindings: label.findings.filter((code) => !codes.has(code)),
  };
}

export interface Ratio {
  right: number;
  total: number;
}

export interface GroupSummary {
  group: LabelGroup;
  letters: number;
  errors: number;
  seconds: number;
  elements: Record<LabelledElement, Ratio>;
  /** confusion[expected][got] = count. */
  confusion: Record<string, Record<string, number>>;
  verdict: Ratio;
  verdictByProfile: Record<string, Ratio>;
  missedFindings: { file: string; code: string }[];
  deficientCalledComplete: string[];
  wrongVerdicts: { file: string; expected: string; got: string }[];
  wrong: { file: string; element: LabelledElement; reason: string; expected: unknown; got: unknown }[];
  /** Elements labelled ambiguous: left out of the per-element figures, listed apart with what the checker said. */
  ambiguous: { file: string; element: LabelledElement; why: string; got: unknown }[];
}

const VERDICTS = ['complete', 'needs_review', 'incomplete'];

export function summarize(group: LabelGroup, results: LetterResult[]): GroupSummary {
  const elements = Object.fromEntries(LABELLED_ELEMENTS.map((n) => [n, { right: 0, total: 0 }])) as Record<LabelledElement, Ratio>;
  const confusion: GroupSummary['confusion'] = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries([...VERDICTS, 'error'].map((g) => [g, 0]))]));
  const verdictByProfile: Record<string, Ratio> = {};
  const summary: GroupSummary = {
    group,
    letters: results.length,
    errors: results.filter((r) => r.error).length,
    seconds: Math.round(results.reduce((s, r) => s + r.seconds, 0) * 10) / 10,
    elements,
    confusion,
    verdict: { right: 0, total: 0 },
    verdictByProfile,
    missedFindings: [],
    deficientCalledComplete: [],
    wrongVerdicts: [],
    wrong: [],
    ambiguous: [],
  };
  for (const r of results) {
    for (const name of LABELLED_ELEMENTS) {
      const e = r.elements[name];
      if (e.ambiguous) {
        summary.ambiguous.push({ file: r.file, element: name, why: e.ambiguous, got: e.got });
        continue;
      }
      elements[name].total += 1;
      if (e.ok) elements[name].right += 1;
      else summary.wrong.push({ file: r.file, element: name, reason: e.reason ?? 'wrong', expected: e.expected, got: e.got });
    }
    confusion[r.expectedVerdict][r.verdict] = (confusion[r.expectedVerdict][r.verdict] ?? 0) + 1;
    const right = r.verdict === r.expectedVerdict ? 1 : 0;
    if (!right) summary.wrongVerdicts.push({ file: r.file, expected: r.expectedVerdict, got: r.error ? `error: ${r.error}` : r.verdict });
    summary.verdict.right += right;
    summary.verdict.total += 1;
    const p = (verdictByProfile[r.profile] ??= { right: 0, total: 0 });
    p.right += right;
    p.total += 1;
    for (const code of r.missedFindings) summary.missedFindings.push({ file: r.file, code });
    if (r.deficient && r.verdict === 'complete') summary.deficientCalledComplete.push(r.file);
  }
  return summary;
}

export const STRICT_THRESHOLD = { text: 0.95, ocr: 0.9, wild: 0.95, 'wild-ocr': 0.9 } as const;

/** Why a --strict run fails: elements under the group's threshold, deficient letters called complete. */
export function strictFailures(summary: GroupSummary): string[] {
  const failures: string[] = [];
  const threshold = STRICT_THRESHOLD[summary.group];
  for (const [name, ratio] of Object.entries(summary.elements)) {
    if (ratio.total > 0 && ratio.right / ratio.total < threshold) {
      failures.push(`${summary.group}: ${name} ${pct(ratio)} < ${threshold * 100}%`);
    }
  }
  for (const file of summary.deficientCalledComplete) failures.push(`${summary.group}: deficient letter called complete: ${file}`);
  return failures;
}

export function pct(r: Ratio): string {
  return r.total === 0 ? '-' : `${((100 * r.right) / r.total).toFixed(1)}%`;
}
