import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractEndDate } from '../../src/fields/endDate.js';

function end(text: string) {
  const r = extractEndDate(letterFromText(text));
  for (const e of r.evidence) expect(pageText(text)).toContain(e.quote);
  return r;
}

const DATED = 'March 1, 2027\n\nDear Jane,\n\n';

describe('extractEndDate', () => {
  it.each([
    ['The internship runs May 27 - August 16, 2027.', '2027-08-16'],
    ['The internship will run from June 1 to August 20, 2027.', '2027-08-20'],
    ['Your internship will be from June 1, 2027 through August 20, 2027.', '2027-08-20'],
    ['End date: 08/20/2027', '2027-08-20'],
    ['End Date | 2027-08-20', '2027-08-20'],
    ['Your internship will begin on June 1, 2027 and end on August 20, 2027.', '2027-08-20'],
    ['The assignment is expected to conclude on December 17, 2027.', '2027-12-17'],
    ['The co-op begins January 10, 2028, ending on June 30, 2028.', '2028-06-30'],
    ['Your last day of employment will be Friday, August 27, 2027.', '2027-08-27'],
    ['You will be employed until 20 August 2027.', '2027-08-20'],
    ['Internship Dates: 06/01/2027 - 08/20/2027', '2027-08-20'],
    ['Start date\tMay 31, 2027\nEnd date\tAug. 13, 2027', '2027-08-13'],
    ['The co-op runs from September 7, 2027 to January 14, 2028.', '2028-01-14'],
    ['The internship runs June 1st – August 20th, 2027.', '2027-08-20'],
    ['The micro-internship runs January 6-29, 2027.', '2027-01-29'],
    ['The internship runs from 25 January 2027 through : 7 May 2027.', '2027-05-07'],
    ['Dates: June 1 – 30, 2027', '2027-06-30'],
    ['The internship runs from the 1st of June to the 20th of August 2027.', '2027-08-20'],
    ['Your co-op term will commence on 7 September 2027 and conclude on 17 December 2027 (15 weeks).', '2027-12-17'],
  ])('%s', (body, expected) => {
    const r = end(DATED + body + '\n\nPlease accept by March 15, 2027.\n\nSincerely,\nAna');
    expect(r.status).toBe('present');
    expect(r.value).toBe(expected);
  });

  it('does not take "this offer is valid until" for the end', () => {
    const r = end(`${DATED}Your internship begins on June 1, 2027. This offer is valid until March 31, 2027.`);
    expect(r.status).toBe('missing');
    expect(r.trace.join('\n')).toMatch(/March 31, 2027": offer response deadline/);
  });

  it('reports a duration in the trace but does not invent the end date', () => {
    const r = end(`${DATED}We look forward to you joining us for 12 weeks starting June 1, 2027.`);
    expect(r.status).toBe('missing');
    expect(r.value).toBeNull();
    expect(r.fix).toMatch(/only a duration \(12 weeks\)/);
    expect(r.trace[0]).toMatch(/12 weeks from 2027-06-01 would end about 2027-08-23/);
  });

  it('reads a six-month duration written in words', () => {
    const r = end(`${DATED}This is a six-month co-op beginning January 10, 2028.`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/6 months/);
  });

  it('says the end is missing when it is "to be agreed"', () => {
    const r = end(`${DATED}Start date: June 1, 2027\nEnd date: to be agreed with your supervisor`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/end date/);
  });

  it('keeps the year as written even when the end falls before the start (rules judge that)', () => {
    const r = end(`${DATED}Start date: June 1, 2027\nEnd date: August 20, 2026`);
    expect(r.value).toBe('2026-08-20');
  });

  it('ignores signature and acceptance dates', () => {
    const r = end(`${DATED}We are pleased to offer you an internship.\n\nSincerely,\nAna Ruiz\nAugust 20, 2027\n\nAccepted by: ______ Date: 03/15/2027`);
    expect(r.status).toBe('missing');
  });

  it.each([
    '| Start Date | End Date |\n| June 1, 2027 | August 20, 2027 |',
    'Start Date          End Date\nJune 1, 2027        August 20, 2027',
    'Start date\tEnd date\n06/01/2027\t08/20/2027',
  ])('reads dates under a header row: %s', (table) => {
    const text = `${DATED}The terms of your offer:\n${table}\n\nSincerely,\nAna`;
    const r = end(text);
    expect(r.value).toBe('2027-08-20');
    expect(r.trace[0]).toMatch(/label "End date"/i);
  });
});
