import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText, pageOf } from '../../src/fields/letter.js';
import { extractStartDate } from '../../src/fields/startDate.js';

function start(text: string) {
  const r = extractStartDate(letterFromText(text));
  for (const e of r.evidence) expect(pageText(text)).toContain(e.quote);
  return r;
}

const HEADER = `Northwind Analytics LLC
410 Pine Street, Suite 300
Seattle, WA 98101

February 3, 2027

Jane Doe
22 Elm Road
Bellevue, WA 98004

Dear Jane,

`;
const FOOTER = `

Please sign and return this letter by February 28, 2027. This offer expires on March 1, 2027.

Sincerely,
Tom Smith
Date: February 4, 2027

Accepted: ____________ Date: __________`;

describe('extractStartDate', () => {
  it.each([
    ['Your internship will begin on May 27, 2027.', '2027-05-27'],
    ['Your internship will begin on 27 May 2027.', '2027-05-27'],
    ['Start date: 05/27/2027', '2027-05-27'],
    ['Start Date | 2027-05-27', '2027-05-27'],
    ['Your first day will be June 2nd, 2027.', '2027-06-02'],
    ['You will start on Monday, June 7, 2027, at 9:00 am.', '2027-06-07'],
    ['The internship runs May 27 - August 16, 2027.', '2027-05-27'],
    ['The internship will run from June 1 to August 20, 2027.', '2027-06-01'],
    ['Employment period: June 1, 2027 through August 20, 2027', '2027-06-01'],
    ['Dates of Employment: 06/01/2027 – 08/20/2027', '2027-06-01'],
    ['Start date\tMay 31, 2027\nEnd date\tAug. 13, 2027', '2027-05-31'],
    ['Start Date\nJune 14, 2027', '2027-06-14'],
    ['Anticipated start date: Jun. 1, 2027', '2027-06-01'],
    ['This is a paid position beginning on September 8, 2027 and ending on December 17, 2027.', '2027-09-08'],
    ['Your co-op assignment commences January 10, 2028.', '2028-01-10'],
    ['We look forward to you joining us for 12 weeks starting June 1, 2027.', '2027-06-01'],
    ['The internship is scheduled between June 1, 2027 and August 20, 2027.', '2027-06-01'],
    ['Your start date will be 7-Jun-2027.', '2027-06-07'],
    ['• Start: June 1, 2027\n• End: August 20, 2027', '2027-06-01'],
    ['| Start Date | End Date |\n| June 1, 2027 | August 20, 2027 |', '2027-06-01'],
    ['The micro-internship runs January 6-29, 2027.', '2027-01-06'],
    ['Start: 5/24/27\nEnd: 8/13/27', '2027-05-24'],
    ['Internship Period: Summer 2027 (June 1 – August 20)', '2027-06-01'],
    ['Your employment will be effective June 1, 2027 and will continue through August 20, 2027.', '2027-06-01'],
    ['You are expected to report to work on June 1, 2027 at 8:30 a.m.', '2027-06-01'],
    ['This offer, if accepted by April 1, 2027, is for an internship from June 1, 2027 until August 20, 2027.', '2027-06-01'],
  ])('%s', (body, expected) => {
    const r = start(HEADER + body + FOOTER);
    expect(r.status).toBe('present');
    expect(r.value).toBe(expected);
    expect(r.confidence).toBeGreaterThan(0.6);
  });

  it('never takes the letter date, the expiry, or signature dates', () => {
    const r = start(`${HEADER}We are pleased to offer you an internship.${FOOTER}`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/start date/);
    const trace = r.trace.join('\n');
    expect(trace).toMatch(/rejected "February 3, 2027": the letter's own date/);
    expect(trace).toMatch(/rejected "February 28, 2027": offer response deadline/);
    expect(trace).toMatch(/rejected "March 1, 2027": offer response deadline/);
    expect(trace).toMatch(/rejected "February 4, 2027": a signature/);
  });

  it('does not read "confirm your start date by" as the start', () => {
    const r = start(`${HEADER}Please confirm your start date by April 1, 2027. Your internship will begin on June 7, 2027.${FOOTER}`);
    expect(r.value).toBe('2027-06-07');
  });

  it('rejects orientation, housing and "valid until" dates', () => {
    const r = start(
      `${HEADER}Orientation will be held on May 26, 2027. Housing is available from May 25 to August 30, 2027. This offer is valid until March 31, 2027. Your internship begins on May 27, 2027.${FOOTER}`,
    );
    expect(r.value).toBe('2027-05-27');
    expect(r.trace.join('\n')).toMatch(/May 26, 2027": another event/);
  });

  it('does not take dates from quoted email headers', () => {
    const text = `From: Ana Ruiz <ana@acme.example>\nSent: Monday, March 1, 2027 10:14 AM\nTo: Jane Doe <jane@uni.edu>\nSubject: Offer\n\nHi Jane,\nYour start date is June 1, 2027.`;
    const r = start(text);
    expect(r.value).toBe('2027-06-01');
    expect(r.trace.join('\n')).toMatch(/rejected "Monday, March 1, 2027"/);
  });

  it('takes the year of a year-less date from the same sentence', () => {
    const r = start(`${HEADER}Your internship will start June 1 and end August 20, 2027.${FOOTER}`);
    expect(r.value).toBe('2027-06-01');
    expect(r.trace[0]).toMatch(/year from/);
  });

  it('moves a year-less January start after a November letter into the next year', () => {
    const r = start('November 10, 2026\n\nDear Ann,\n\nThis co-op is for 24 weeks starting January 5.');
    expect(r.value).toBe('2027-01-05');
    expect(r.trace[0]).toMatch(/year after the letter's date/);
  });

  it('gives the earlier year to the start of a range that crosses New Year', () => {
    const r = start('Dear Ann,\nThe co-op runs December 1 - February 28, 2028.');
    expect(r.value).toBe('2027-12-01');
  });

  it('is invalid when only the month is given', () => {
    const r = start(`${HEADER}Start date: June 2027${FOOTER}`);
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.fix).toMatch(/only the month/);
  });

  it('says so when the start date is to be determined', () => {
    const r = start(`${HEADER}Start date: TBD${FOOTER}`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/to be determined/);
  });

  it('prefers a labelled start over a phrase and lowers confidence when they disagree', () => {
    const r = start(`${HEADER}Start Date: June 7, 2027\nWe hope you can begin on June 1, 2027.${FOOTER}`);
    expect(r.value).toBe('2027-06-07');
    expect(r.confidence).toBeLessThan(0.9);
    expect(r.trace.some((t) => t.includes('2027-06-01'))).toBe(true);
  });

  it('reads the start from an attachment page of an email', () => {
    const letter = {
      pages: [
        pageOf({ number: 1, text: 'Hi Jane,\nPlease find your offer letter attached.\nBest,\nAna', source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: 'March 1, 2027\n\nDear Jane,\nYour internship will begin on June 1, 2027.', source: 'text', imageCount: 0 }),
      ],
      email: { from: { name: 'Ana', address: 'ana@acme.example' }, to: [], date: 'Mon, 1 Mar 2027 10:00:00 -0800', subject: 'Offer' },
    };
    const r = extractStartDate(letter);
    expect(r.value).toBe('2027-06-01');
    expect(r.evidence[0].page).toBe(2);
  });

  it('reads a letter with Windows line ends', () => {
    const r = start(`${HEADER}Start date\nJune 14, 2027\nEnd date\nAugust 20, 2027${FOOTER}`.replace(/\n/g, '\r\n'));
    expect(r.value).toBe('2027-06-14');
    expect(r.trace.join('\n')).toMatch(/rejected "February 3, 2027": the letter's own date/);
  });

  it('does not take the start of orientation or benefits for the start of the internship', () => {
    const r = start(`${HEADER}Orientation will begin on May 31, 2027. Your benefits start on July 1, 2027. Your internship will run through the summer, from June 1 to August 20, 2027.${FOOTER}`);
    expect(r.value).toBe('2027-06-01');
    const trace = r.trace.join('\n');
    expect(trace).toMatch(/May 31, 2027": another event \("begin" is said of "Orientation"\)/);
    expect(trace).toMatch(/July 1, 2027": another event/);
  });

  it('takes the internship start named after an orientation in the same sentence', () => {
    const r = start(`${HEADER}Following orientation, your internship will begin on June 2, 2027.${FOOTER}`);
    expect(r.value).toBe('2027-06-02');
  });
});
