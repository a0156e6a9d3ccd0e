import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText, pageOf } from '../../src/fields/letter.js';
import { extractHoursPerWeek } from '../../src/fields/hoursPerWeek.js';

function hours(text: string) {
  const r = extractHoursPerWeek(letterFromText(text));
  // Evidence is always an exact excerpt of the letter.
  for (const e of r.evidence) expect(pageText(text)).toContain(e.quote);
  return r;
}

describe('extractHoursPerWeek', () => {
  it.each([
    ['This position is 40 hours per week, Monday through Friday.', 40, 40],
    ['You are expected to work 20 hrs/wk during the spring term.', 20, 20],
    ['This position is full-time (37.5 hours weekly), Monday through Friday.', 37.5, 37.5],
    ['You may work up to 20 hours per week while classes are in session.', null, 20],
    ['This position is 15-20 hours per week, Monday through Friday.', 15, 20],
    ['This position is 15 – 20 hours per\nweek, Monday through Friday.', 15, 20],
    ['You will work twenty (20) hours a week.', 20, 20],
    ['The internship follows a 40-hour work week.', 40, 40],
    ['Interns work a standard 40 hour workweek.', 40, 40],
    ['Position | Data Intern\nHours: 40/week\nPay: $20/hour', 40, 40],
    ['This role is part-time, 20 hours/week.', 20, 20],
    ['Hours per week: 25', 25, 25],
    ['Weekly hours | 15-20', 15, 20],
    ['Hours \t40 hours a week', 40, 40],
    ['You will work between 10 and 15 hours each week.', 10, 15],
    ['You will work forty hours per week.', 40, 40],
    ['You will be scheduled for thirty-two hours a week.', 32, 32],
    ['Your schedule will not exceed 20 hours per week.', null, 20],
    ['You will work no more than 20 hours per week during the semester.', null, 20],
    ['You will work 8 hours per day, 5 days per week.', 40, 40],
    ['Expected hours: approximately 30 hours per week.', 30, 30],
    ['Pay: $30.00/hour. Hours: up to 25 per week.', null, 25],
    ['Work Schedule: Full-time, 40 hours per week', 40, 40],
    ['This position is 20 hrsiwk, Monday through Friday.', 20, 20],
  ])('%s', (text, min, max) => {
    const r = hours(text);
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ min, max });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.fix).toBeNull();
  });

  it.each([
    'Our hours of operation are 9-5, Monday through Friday.',
    'Please respond within 24 hours to confirm your interest.',
    'The internship lasts 12 weeks and includes a 2-week onboarding program.',
    'Hours: 9:00 am - 5:00 pm',
    'Employees receive 8 hours of paid sick leave.',
  ])('finds no weekly hours in "%s"', (text) => {
    const r = hours(text);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/hours per week/);
  });

  it('says "full-time" alone is not a number of hours', () => {
    const r = hours('This is a full-time summer internship.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/full-time/);
    expect(r.trace[0]).toMatch(/without a number/);
  });

  it('is invalid when the letter gives 0 hours', () => {
    const r = hours('You will be scheduled for 0 hours per week.');
    expect(r.status).toBe('invalid');
    expect(r.value).toEqual({ min: 0, max: 0 });
    expect(r.fix).toMatch(/0 hours/);
  });

  it('ignores the overtime threshold and reports the schedule', () => {
    const r = hours('Hours worked in excess of 40 hours per week are paid at overtime rates. You will work 30 hours per week.');
    expect(r.value).toEqual({ min: 30, max: 30 });
  });

  it('ignores benefit-eligibility hours', () => {
    const r = hours('Employees working 30 or more hours per week are eligible for benefits. Your schedule is 20 hours per week.');
    expect(r.value).toEqual({ min: 20, max: 20 });
  });

  it('ignores a policy sentence about more than 20 hours', () => {
    const r = hours('F-1 students working more than 20 hours per week need full-time CPT. You will work 16 hours per week.');
    expect(r.value).toEqual({ min: 16, max: 16 });
  });

  it('quotes the phrase and reports a second, different figure in the trace', () => {
    const text = 'You will work 40 hours per week during the summer and up to 20 hours per week once classes resume.';
    const r = hours(text);
    expect(r.value).toEqual({ min: 40, max: 40 });
    expect(r.evidence[0].quote).toBe('40 hours per week');
    expect(r.trace.some((t) => t.includes('up to 20 hours per week'))).toBe(true);
    expect(r.confidence).toBeLessThan(0.9);
  });

  it('reads the hours from a later page', () => {
    const letter = {
      pages: [
        pageOf({ number: 1, text: 'Dear Ana,\nWe are pleased to offer you an internship.', source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: 'Terms\nHours per week: 20', source: 'text', imageCount: 0 }),
      ],
      email: null,
    };
    const r = extractHoursPerWeek(letter);
    expect(r.value).toEqual({ min: 20, max: 20 });
    expect(r.evidence[0].page).toBe(2);
  });
});

describe('extractHoursPerWeek on labelled values', () => {
  it('reads hours under a header row and never the tail of a year ending the line above', () => {
    const r = extractHoursPerWeek(letterFromText('Dear Ana,\nDate of Joining: 26-05-2027\nHours per Week: 40\n\nStart date\tWeekly hours\nJune 1, 2027\t20'));
    expect(r.value).toEqual({ min: 40, max: 40 });
    const column = extractHoursPerWeek(letterFromText('Dear Ana,\n\nStart date\tWeekly hours\nJune 1, 2027\tup to 20'));
    expect(column.value).toEqual({ min: null, max: 20 });
  });
});
