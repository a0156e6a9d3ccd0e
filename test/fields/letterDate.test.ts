import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText, pageOf } from '../../src/fields/letter.js';
import { extractLetterDate } from '../../src/fields/letterDate.js';
import type { EmailEnvelope } from '../../src/extract/extractedDocument.js';

function dated(text: string, email: EmailEnvelope | null = null) {
  return extractLetterDate(letterFromText(text, email));
}

const envelope = (date: string | null): EmailEnvelope => ({ from: { name: 'Ana Ruiz', address: 'ana@acme.example' }, to: [], date, subject: 'Offer' });

describe('extractLetterDate', () => {
  it.each([
    ['Acme Corp\n100 Main St, Boston, MA 02110\n\nFebruary 3, 2027\n\nJane Doe\n22 Elm Road\nAmherst, MA 01002\n\nDear Jane,\nYour internship begins on June 1, 2027.', '2027-02-03'],
    ['Acme Corp\n\n3 February 2027\n\nDear Jane,', '2027-02-03'],
    ['Date: 02/03/2027\n\nDear Jane,', '2027-02-03'],
    ['Acme Corp\nOctober 18, 2026 \tReference: OFR-2027-3710\nDear Jane,', '2026-10-18'],
    ['Boston, Massachusetts, March 5, 2027\n\nDear Jane,', '2027-03-05'],
    ['Acme Corp\nWednesday, March 3, 2027\nDear Jane,', '2027-03-03'],
    ['Acme Corp\n2027-03-03\nDear Jane,', '2027-03-03'],
    ['Acme Corp\nOctober 18, 2026 Reference: OFR-2027-3710\nDear Jane,', '2026-10-18'],
    ['Acme Corp\nDate of offer: March 3, 2027\nDear Jane,', '2027-03-03'],
    ['Acme Corp\nOffer Date: 03/03/2027\nDear Jane,', '2027-03-03'],
    ['Wrenfield Insurance Company Since 1921 October 18, 2026\nDear Jane,', '2026-10-18'],
  ])('%s', (text, expected) => {
    const r = dated(text);
    expect(r.status).toBe('present');
    expect(r.value).toBe(expected);
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });

  it('does not take a start date in the subject line for the letter date', () => {
    const r = dated('Acme Corp\nRe: Internship starting June 1, 2027\n\nDear Jane,\nWelcome.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/date the letter/);
  });

  it('does not take dates in the body or the signature block', () => {
    const r = dated('Dear Jane,\nYour internship begins on June 1, 2027.\n\nSincerely,\nAna\nDate: March 3, 2027');
    expect(r.status).toBe('missing');
  });

  it("uses the email's Date header when the body has no dateline", () => {
    const r = dated('Hi Jane,\nWe are pleased to offer you an internship starting June 1, 2027.', envelope('Tue, 10 Nov 2026 15:15:00 GMT'));
    expect(r.value).toBe('2026-11-10');
    expect(r.confidence).toBeLessThan(0.95);
    expect(r.trace[0]).toMatch(/Date header/);
  });

  it('keeps the sender\'s calendar day of the header, not the UTC one', () => {
    const r = dated('Hi Jane,', envelope('Tue, 10 Nov 2026 23:30:00 -0800'));
    expect(r.value).toBe('2026-11-10');
  });

  it('reads an ISO Date header', () => {
    expect(dated('Hi Jane,', envelope('2026-11-10T15:15:00.000Z')).value).toBe('2026-11-10');
  });

  it('prefers the dateline of the letter over the email header', () => {
    const r = dated('Acme Corp\nNovember 2, 2026\n\nDear Jane,\nWelcome.', envelope('Tue, 10 Nov 2026 15:15:00 GMT'));
    expect(r.value).toBe('2026-11-02');
  });

  it('takes the sent date of a forwarded message', () => {
    const r = dated('From: Ana Ruiz <ana@acme.example>\nSent: Monday, March 1, 2027 10:14 AM\nTo: Jane Doe\nSubject: Offer\n\nDear Jane,\nWelcome.', envelope('Wed, 3 Mar 2027 09:00:00 -0500'));
    expect(r.value).toBe('2027-03-01');
    expect(r.trace[0]).toMatch(/quoted email/);
  });

  it('finds the dateline on the attached letter of an email', () => {
    const letter = {
      pages: [
        pageOf({ number: 1, text: 'Hi Jane,\nYour offer letter is attached.\nBest,\nAna', source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: 'Acme Corp\nMarch 1, 2027\n\nDear Jane,\nWelcome.', source: 'text', imageCount: 0 }),
      ],
      email: envelope('Wed, 3 Mar 2027 09:00:00 -0500'),
    };
    const r = extractLetterDate(letter);
    expect(r.value).toBe('2027-03-01');
    expect(r.evidence[0].page).toBe(2);
  });
});
