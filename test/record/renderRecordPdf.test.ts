import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/checker.js';
import { describeValue } from '../../src/cli/describeElement.js';
import { ELEMENT_NAMES, ELEMENT_RECORD_LABELS, type Report } from '../../src/report/index.js';
import { MAX_RECORD_PAGES, renderRecordPdf } from '../../src/record/renderRecordPdf.js';
import { followUpEmail, offerPdf } from '../case/caseLetters.js';
import { testSettings } from '../helper.js';
import { havePoppler, readPdf } from './pdfText.js';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
// A sentence of the letter that no element quotes: it must never reach the record.
const UNQUOTED = 'Our cafeteria on the third floor serves a free lunch every Thursday.';

describe.skipIf(!havePoppler)('the record for the file (read back with poppler)', () => {
  let checker: Checker;
  let report: Report;
  beforeAll(async () => {
    checker = await createChecker(testSettings());
    report = await checker.checkCase(
      [
        { bytes: await offerPdf({ hours: null, extra: [UNQUOTED] }, { imageUnderClosing: true }), fileName: 'offer.pdf' },
        { bytes: followUpEmail(['The position is 20 hours per week.']), fileName: 'hours.eml' },
      ],
      { today: '2027-03-05', studentName: 'Priya Raman' },
    );
  });
  afterAll(() => checker.close());

  it('opens in pdftotext and shows the verdict, the profile, the check date, every element with its value and a quote, each document and its SHA-256', async () => {
    expect(report.verdict).toBe('complete');
    const pdf = await renderRecordPdf(report, { profileName: 'CPT' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await readPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(MAX_RECORD_PAGES);
    expect(text).toContain('Verdict: COMPLETE');
    expect(text).toContain('Profile: CPT (cpt)');
    expect(text).toContain('March 5, 2027 (2027-03-05)');
    for (const name of ELEMENT_NAMES) {
      const element = report.elements[name];
      expect(text, name).toContain(ELEMENT_RECORD_LABELS[name]);
      const value = describeValue(name, element.value as never);
      if (value && value.length < 80) expect(text, name).toContain(fold(value));
    }
    // The hours, quoted from the email, with its document and page.
    expect(text).toContain('“20 hours per week” (document 2, hours.eml, page 1)');
    for (const d of report.documents) expect(text).toContain(`SHA-256 ${d.sha256}`);
    expect(text).toContain('1. offer.pdf');
    expect(text).toContain('2. hours.eml');
  });

  it('holds no text of the letter beyond the quoted evidence', async () => {
    const quoted = ELEMENT_NAMES.flatMap((n) => report.elements[n].evidence.map((e) => e.quote)).join(' ');
    expect(quoted).not.toContain('cafeteria');
    const { text } = await readPdf(await renderRecordPdf(report));
    expect(text).not.toContain('cafeteria');
  });

  it('lists the findings with their codes', async () => {
    const disagreeing = await checker.checkCase(
      [{ bytes: await offerPdf({ start: 'June 7, 2027' }), fileName: 'offer.pdf' }, { bytes: followUpEmail(['Your start date is June 14, 2027.']), fileName: 'new-date.eml' }],
      { today: '2027-03-05' },
    );
    const { text } = await readPdf(await renderRecordPdf(disagreeing));
    expect(text).toContain('Verdict: NEEDS REVIEW');
    expect(text).toContain('Warning DOCUMENTS_DISAGREE (Start date)');
    expect(text).toContain('June 14, 2027');
  });

  it('stays within two pages for a long case, quoting less', async () => {
    const long = 'Design, build and test the motion-planning stack for the warehouse robot fleet with the platform team '.repeat(4);
    const heavy: Report = {
      ...report,
      documents: Array.from({ length: 5 }, (_, i) => ({ ...report.documents[0], index: i, fileName: `document-with-a-long-name-${i + 1}.pdf` })),
      elements: Object.fromEntries(
        ELEMENT_NAMES.map((n) => [n, { ...report.elements[n], evidence: Array.from({ length: 6 }, (_, i) => ({ document: { index: i % 5, fileName: null }, page: 1, quote: long, box: null })) }]),
      ) as Report['elements'],
      findings: Array.from({ length: 30 }, () => ({ code: 'DOCUMENTS_DISAGREE' as const, severity: 'warning' as const, element: 'start_date' as const, message: long })),
    };
    const { text, pages } = await readPdf(await renderRecordPdf(heavy));
    expect(pages).toBeLessThanOrEqual(MAX_RECORD_PAGES);
    for (const name of ELEMENT_NAMES) expect(text).toContain(ELEMENT_RECORD_LABELS[name]);
  });
});
