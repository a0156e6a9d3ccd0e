import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../../src/fields/letter.js';
import { emailHeaderDate, findDateMentions, mentionIso, sentenceBounds } from '../../../src/fields/shared/dates.js';

const isos = (text: string) => findDateMentions(letterFromText(text)).map((m) => mentionIso(m) ?? `${m.month}/${m.day ?? '?'}/${m.year ?? '?'}`);

describe('findDateMentions', () => {
  it.each([
    ['May 27, 2027', '2027-05-27'],
    ['27 May 2027', '2027-05-27'],
    ['05/27/2027', '2027-05-27'],
    ['5/27/27', '2027-05-27'],
    ['2027-05-27', '2027-05-27'],
    ['June 2nd, 2027', '2027-06-02'],
    ['Monday, June 7, 2027', '2027-06-07'],
    ['Sept. 8, 2027', '2027-09-08'],
    ['the 1st of June, 2027', '2027-06-01'],
    ['MAY 27, 2027', '2027-05-27'],
    ['May 27 ,2027', '2027-05-27'],
    ['7-Jun-2027', '2027-06-07'],
  ])('reads %s', (text, expected) => {
    expect(isos(`On ${text} we meet.`)).toEqual([expected]);
  });

  it('links the two ends of a range and lends the year to the first', () => {
    const [a, b] = findDateMentions(letterFromText('from June 1 to August 20, 2027'));
    expect(a.range?.role).toBe('from');
    expect(b.range?.role).toBe('to');
    expect(mentionIso(a)).toBe('2027-06-01');
  });

  it('reads both ends of "June 7, 2027-August 27, 2027"', () => {
    expect(isos('June 7, 2027-August 27, 2027')).toEqual(['2027-06-07', '2027-08-27']);
  });

  it('does not take "may" the verb, a ZIP code, phone numbers or times for dates', () => {
    expect(isos('You may 2 ways. Seattle, WA 98101\nFebruary is cold. Call 415-555-0100 at 9:00.')).toEqual([]);
  });

  it('keeps a month-only date without a day', () => {
    const [m] = findDateMentions(letterFromText('Start: June 2027'));
    expect(m.day).toBeNull();
    expect(mentionIso(m)).toBeNull();
  });

  it.each([
    ['14.06.2027', '2027-06-14'],
    ['06/01/27', '2027-06-01'],
    ['02.03.2027', '2027-03-02'],
  ])('reads the numeric date %s', (text, expected) => {
    expect(isos(`From ${text} on.`)).toEqual([expected]);
  });

  it('reads every numeric date of a letter day first when one of them can only be day first', () => {
    expect(isos('Date: 15-11-2026\nDate of Joining: 09-04-2027\nEnd: 05-08-2027')).toEqual(['2026-11-15', '2027-04-09', '2027-08-05']);
    expect(isos('Date: 11/15/2026\nStart: 04/09/2027')).toEqual(['2026-11-15', '2027-04-09']);
  });

  it('rejects impossible dates', () => {
    expect(isos('February 30, 2027 and 13/45/2027')).toEqual([]);
  });
});

describe('sentenceBounds', () => {
  it('does not end a sentence at an abbreviation', () => {
    const text = 'Your office is at 100 Main St. in Boston. Next sentence.';
    const [s, e] = sentenceBounds(text, text.indexOf('Boston'));
    expect(text.slice(s, e)).toBe('Your office is at 100 Main St. in Boston.');
  });

  it('ends the salutation line', () => {
    const text = 'Dear Jane,\nWelcome aboard.';
    const [s] = sentenceBounds(text, text.indexOf('Welcome'));
    expect(s).toBe(text.indexOf('Welcome'));
  });
});

describe('emailHeaderDate', () => {
  it.each([
    ['Tue, 10 Nov 2026 15:15:00 GMT', '2026-11-10'],
    ['2026-11-10T15:15:00.000Z', '2026-11-10'],
    ['November 10, 2026 3:15 PM', '2026-11-10'],
    ['not a date', null],
    [null, null],
  ])('%s', (header, expected) => {
    expect(emailHeaderDate(header)).toBe(expected);
  });
});
