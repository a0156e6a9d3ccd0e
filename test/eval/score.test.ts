import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELLED_ELEMENTS, LabelsFile, type LetterLabel } from '../../scripts/eval/labelsSchema.js';
import { scoreLetter, strictFailures, summarize, type GotReport } from '../../scripts/eval/score.js';
import { formatSummary } from '../../scripts/eval/printSummary.js';

const labels = LabelsFile.parse(JSON.parse(readFileSync(new URL('../../fixtures/labels.json', import.meta.url), 'utf8')));

/** A report that says exactly what the label says: what a perfect checker returns. */
function perfectReport(label: LetterLabel): GotReport {
  return {
    verdict: label.expectedVerdict,
    elements: Object.fromEntries(LABELLED_ELEMENTS.map((n) => [n, { ...label.elements[n] }])),
    findings: label.findings.map((code) => ({ code })),
  };
}

describe('scoring reports against labels', () => {
  const text = labels.letters.filter((l) => l.group === 'text');

  it('gives a perfect checker 100% and passes --strict', () => {
    const summary = summarize('text', text.map((l) => scoreLetter(l, perfectReport(l), null, 0.1)));
    for (const ratio of Object.values(summary.elements)) expect(ratio.right).toBe(ratio.total);
    expect(summary.verdict.right).toBe(text.length);
    expect(summary.wrong).toEqual([]);
    expect(strictFailures(summary)).toEqual([]);
  });

  it('counts a deficient letter called complete, wrong elements and missed findings', () => {
    const deficient = text.find((l) => l.deficient && l.findings.length > 0)!;
    const report = perfectReport(deficient);
    report.verdict = 'complete';
    report.findings = [];
    report.elements.student_name = { status: 'present', value: 'Somebody Else' };
    const summary = summarize('text', [scoreLetter(deficient, report, null, 0.1)]);
    expect(summary.deficientCalledComplete).toEqual([deficient.file]);
    expect(summary.missedFindings.map((m) => m.code)).toEqual(deficient.findings);
    expect(summary.wrong).toEqual([expect.objectContaining({ file: deficient.file, element: 'student_name', reason: 'name differs' })]);
    expect(summary.confusion[deficient.expectedVerdict].complete).toBe(1);
    const failures = strictFailures(summary);
    expect(failures).toContain(`text: deficient letter called complete: ${deficient.file}`);
    expect(failures.some((f) => f.startsWith('text: student_name 0.0%'))).toBe(true);
    const printed = formatSummary(summary);
    expect(printed).toContain('deficient letters called complete: 1');
    expect(printed).toContain(`${deficient.file}  student_name: name differs`);
  });

  it('scores a letter the checker failed on as wrong everywhere', () => {
    const result = scoreLetter(text[0], null, 'DOCUMENT_UNREADABLE: bad', 0.1);
    expect(result.verdict).toBe('error');
    expect(Object.values(result.elements).every((e) => !e.ok)).toBe(true);
    expect(summarize('text', [result]).errors).toBe(1);
  });

  it('applies the OCR threshold to the OCR group', () => {
    const l = text[0];
    const results = Array.from({ length: 10 }, () => scoreLetter({ ...l, group: 'ocr' }, perfectReport(l), null, 1));
    const wrong = perfectReport(l);
    wrong.elements.job_title = { status: 'uncertain', value: l.elements.job_title.value };
    results.push(scoreLetter({ ...l, group: 'ocr' }, wrong, null, 1));
    // 10 of 11 right is 90.9%: above the OCR threshold of 90%, below the text threshold of 95%.
    expect(strictFailures(summarize('ocr', results))).toEqual([]);
    expect(strictFailures(summarize('text', results))).toEqual(['text: job_title 90.9% < 95%']);
  });
});
