import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/checker.js';
import { Report } from '../../src/report/index.js';
import { testSettings } from '../helper.js';
import { followUpEmail, offerPdf, offerText } from './caseLetters.js';

const TODAY = '2027-03-05';

describe('a case of several documents, through the checker', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await createChecker(testSettings({ MAX_CASE_DOCUMENTS: '3', MAX_UPLOAD_BYTES: '200000', MAX_CASE_BYTES: '300000' }));
  });
  afterAll(() => checker.close());

  it('a letter without hours and a follow-up email that gives them is complete, the hours quoted from the email', async () => {
    const alone = await checker.check(await offerPdf({ hours: null }), { fileName: 'offer.pdf', today: TODAY });
    expect(alone.verdict).toBe('incomplete');
    expect(alone.elements.hours_per_week.status).toBe('missing');

    const report = await checker.checkCase(
      [
        { bytes: await offerPdf({ hours: null }), fileName: 'offer.pdf', declaredType: 'application/pdf' },
        { bytes: followUpEmail(['To confirm: the position is 20 hours per week.']), fileName: 'hours.eml', declaredType: 'message/rfc822' },
      ],
      { today: TODAY },
    );
    expect(Report.safeParse(report).success).toBe(true);
    expect(report.verdict).toBe('complete');
    expect(report.elements.hours_per_week).toMatchObject({ status: 'present', value: { min: 20, max: 20 } });
    expect(report.elements.hours_per_week.evidence).toEqual([
      expect.objectContaining({ document: { index: 1, fileName: 'hours.eml' }, page: 1, quote: '20 hours per week' }),
    ]);
    expect(report.elements.hours_per_week.trace.join(' ')).toContain('taken from document 2 (hours.eml)');
    // Everything else still comes from the letter, and says so.
    expect(report.elements.start_date.evidence[0].document).toEqual({ index: 0, fileName: 'offer.pdf' });
    expect(report.documents.map((d) => [d.index, d.fileName, d.role, d.mediaType])).toEqual([
      [0, 'offer.pdf', 'letter', 'application/pdf'],
      [1, 'hours.eml', 'follow-up', 'message/rfc822'],
    ]);
    expect(report.document).toEqual({ mediaType: 'application/pdf', pages: 1, textSource: 'text', ocrConfidence: null, characters: report.documents[0].characters });
  });

  it('two documents with different start dates need review, the element and the finding quoting both', async () => {
    const report = await checker.checkCase(
      [
        { bytes: offerText({ start: 'June 7, 2027' }), fileName: 'offer.txt' },
        { bytes: followUpEmail(['A correction: your internship starts on June 14, 2027.']), fileName: 'correction.eml' },
      ],
      { today: TODAY },
    );
    expect(report.verdict).toBe('needs_review');
    // The letter's value stands; both documents' words are quoted.
    expect(report.elements.start_date.value).toBe('2027-06-07');
    const quotes = report.elements.start_date.evidence.map((e) => [e.document.index, e.quote]);
    expect(quotes).toContainEqual([0, expect.stringContaining('June 7, 2027')]);
    expect(quotes).toContainEqual([1, expect.stringContaining('June 14, 2027')]);
    const finding = report.findings.find((f) => f.code === 'DOCUMENTS_DISAGREE');
    expect(finding).toMatchObject({ severity: 'warning', element: 'start_date' });
    expect(finding!.message).toContain('June 7, 2027');
    expect(finding!.message).toContain('June 14, 2027');
    expect(finding!.message).toContain('document 2 (correction.eml)');
  });

  it('documents that say the same thing twice do not disagree', async () => {
    const report = await checker.checkCase(
      [{ bytes: offerText(), fileName: 'offer.txt' }, { bytes: followUpEmail(['As a reminder, you start on June 7, 2027, at $31.50 per hour.']), fileName: 'reminder.eml' }],
      { today: TODAY },
    );
    expect(report.findings.map((f) => f.code)).not.toContain('DOCUMENTS_DISAGREE');
    expect(report.verdict).toBe('complete');
  });

  it('a follow-up from a free-mail address never stands for the letterhead, and what it adds needs review', async () => {
    const plainLetter = offerText({ hours: null }).toString().replace('Larkspur Robotics Inc.\n1400 Harbor Way, Suite 210, Oakland, CA 94607\n\n', '');
    const report = await checker.checkCase(
      [
        { bytes: Buffer.from(plainLetter), fileName: 'offer.txt' },
        { bytes: followUpEmail(['The position is 20 hours per week.'], 'Dana Whitfield <dana.whitfield.larkspur@gmail.com>'), fileName: 'gmail.eml' },
      ],
      { today: TODAY },
    );
    expect(report.elements.hours_per_week.evidence[0].document.index).toBe(1);
    expect(report.elements.letterhead.status).toBe('missing');
    expect(report.elements.letterhead.trace.join(' ')).toContain('free-mail');
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'FOLLOW_UP_FREE_MAIL_DOMAIN', severity: 'warning' }));
    expect(report.verdict).toBe('incomplete');
  });

  it('a follow-up from the company domain stands for a letterhead the letter lacks', async () => {
    const plainLetter = offerText().toString().replace('Larkspur Robotics Inc.\n1400 Harbor Way, Suite 210, Oakland, CA 94607\n\n', '');
    const report = await checker.checkCase(
      [{ bytes: Buffer.from(plainLetter), fileName: 'offer.txt' }, { bytes: followUpEmail(['Thank you for accepting the offer.']), fileName: 'thanks.eml' }],
      { today: TODAY },
    );
    expect(report.elements.letterhead).toMatchObject({ status: 'present', value: { kind: 'email', sender: expect.stringContaining('@larkspur-robotics.example') } });
    expect(report.findings.map((f) => f.code)).not.toContain('FOLLOW_UP_FREE_MAIL_DOMAIN');
  });

  it('one document: the report as before, its quotes naming it, the list holding it with its SHA-256', async () => {
    const bytes = offerText();
    const report = await checker.check(bytes, { fileName: 'offer.txt', today: TODAY });
    expect(report.documents).toEqual([
      {
        ...report.document,
        index: 0,
        fileName: 'offer.txt',
        role: 'letter',
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    ]);
    for (const element of Object.values(report.elements)) for (const e of element.evidence) expect(e.document).toEqual({ index: 0, fileName: 'offer.txt' });
    // The same letter as a case of one gives the same report.
    expect(await checker.checkCase([{ bytes, fileName: 'offer.txt' }], { today: TODAY })).toEqual(report);
  });

  it('refuses more documents than MAX_CASE_DOCUMENTS, and more bytes together than MAX_CASE_BYTES, each by its code', async () => {
    const letter = { bytes: offerText(), fileName: 'offer.txt' };
    await expect(checker.checkCase([letter, letter, letter, letter], { today: TODAY })).rejects.toMatchObject({ code: 'TOO_MANY_DOCUMENTS', statusCode: 400 });
    const large = { bytes: Buffer.concat([offerText(), Buffer.from(`\n${'x'.repeat(150_000)}`)]), fileName: 'long.txt' };
    await expect(checker.checkCase([large, large], { today: TODAY })).rejects.toMatchObject({ code: 'CASE_TOO_LARGE', statusCode: 413 });
  });

  it('a document of the case that cannot be read answers for the case, named in the problem', async () => {
    const error = await checker
      .checkCase([{ bytes: offerText(), fileName: 'offer.txt' }, { bytes: Buffer.from('%PDF-1.7\nbroken'), fileName: 'addendum.pdf' }], { today: TODAY })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
    expect((error as Error).message).toMatch(/^Document 2 \(addendum\.pdf\): /);
  });

  it('a second page photographed apart: the letter read from both halves', async () => {
    const lines = offerText().toString().split('\n');
    const cut = lines.indexOf('Sincerely,');
    const report = await checker.checkCase(
      [
        { bytes: Buffer.from(lines.slice(0, cut).join('\n')), fileName: 'page-1.txt' },
        { bytes: Buffer.from(lines.slice(cut).join('\n')), fileName: 'page-2.txt' },
      ],
      { today: TODAY },
    );
    expect(report.elements.signature).toMatchObject({ status: 'present', value: { kind: 'typed', signer: 'Marcus Bell' } });
    expect(report.elements.signature.evidence.every((e) => e.document.index === 1)).toBe(true);
    expect(report.elements.job_title.evidence[0].document.index).toBe(0);
  });
});
