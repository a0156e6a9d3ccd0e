import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractCompensation } from '../../src/fields/compensation.js';

function pay(text: string) {
  const r = extractCompensation(letterFromText(text));
  for (const e of r.evidence) expect(pageText(text)).toContain(e.quote);
  return r;
}

const wage = (amount: number | null, per: string, amountMax: number | null = null, currency = 'USD') => ({ amount, amountMax, currency, per });

describe('extractCompensation', () => {
  it.each([
    ['You will be paid $32.50 per hour, less applicable withholdings.', wage(32.5, 'hour')],
    ['Pay: $32.50/hr', wage(32.5, 'hour')],
    ['Your hourly rate will be $18.00.', wage(18, 'hour')],
    ['Hourly Rate | $18.50', wage(18.5, 'hour')],
    ['You will earn $25 an hour.', wage(25, 'hour')],
    ['You will receive $1,200 bi-weekly.', wage(1200, 'biweekly')],
    // A fax smudged the "ee" (fixtures/ocr/png-fax-04.png read this way).
    ['Your pay will be $1,200 bi-wgekly, hefore taxes.', wage(1200, 'biweekly')],
    ['You will be paid $1,200 every two weeks.', wage(1200, 'biweekly')],
    ['Your salary is $2,000 semi-monthly.', wage(2000, 'semimonthly')],
    ['You will be paid $2,000 twice a month.', wage(2000, 'semimonthly')],
    ['Compensation: $6,000/month', wage(6000, 'month')],
    ['You will receive a salary of $4,200/month during the assignment.', wage(4200, 'month')],
    ['You will receive a monthly stipend of $2,500.', wage(2500, 'month')],
    ['Compensation | $800 per week', wage(800, 'week')],
    ['Your annual salary will be $85,000.', wage(85000, 'year')],
    ['You will earn $85,000 annually.', wage(85000, 'year')],
    ['The position pays $85K per year.', wage(85000, 'year')],
    ['You will receive a stipend of $5,000 for the summer.', wage(5000, 'total')],
    ['You will receive a stipend of $5,000.', wage(5000, 'total')],
    ['The pay range is $25-$30 per hour, depending on experience.', wage(25, 'hour', 30)],
    ['Compensation \t$28.00 - $32.00 per hour, depending on experience', wage(28, 'hour', 32)],
    ['You will be paid between $25 and $30 an hour.', wage(25, 'hour', 30)],
    ['Your salary will be C$4,000 per month.', wage(4000, 'month', null, 'CAD')],
    ['Your base salary will be $7,500 per month, paid semi-monthly.', wage(7500, 'month')],
    ['Your hourly rate of $22.00 will be paid bi-weekly.', wage(22, 'hour')],
    ['You will receive a one-time payment of $2,000 at the end of the internship.', wage(2000, 'total')],
    ['Your salary will be $60,000 on an annualized basis.', wage(60000, 'year')],
    ['You will be paid on a bi-weekly basis at a rate of $20.00 per hour.', wage(20, 'hour')],
    ['Pay Rate: 20 USD/hour (non-exempt)', wage(20, 'hour')],
    ['Your gross salary will be USD 3,400 per month.', wage(3400, 'month')],
    ['Salary: $24.00 per hour (non-exempt), paid bi-weekly', wage(24, 'hour')],
    ['You will be paid twenty-five dollars ($25.00) per hour.', wage(25, 'hour')],
    ['Stipend: $3,000 (paid in two installments)', wage(3000, 'total')],
    ['Your salary will be $50,000, prorated for the length of the internship.', wage(50000, 'year')],
  ])('%s', (text, expected) => {
    const r = pay(text);
    expect(r.status).toBe('present');
    expect(r.value).toEqual(expected);
    expect(r.fix).toBeNull();
  });

  it.each([
    'This is an unpaid internship.',
    'This internship is unpaid.',
    'You will not receive compensation for this internship.',
    'The internship is offered for academic credit only.',
    'This is a volunteer position without pay.',
    'There is no compensation for this position.',
    'This is an uncompensated internship.',
    'The internship is offered without monetary compensation.',
    'Position | Policy Intern\nCompensation | Unpaid\nHours | 10 per week',
    'Compensation: None (academic credit may be available)',
  ])('reads "%s" as an explicit unpaid statement', (text) => {
    const r = pay(text);
    expect(r.status).toBe('present');
    expect(r.value).toEqual(wage(null, 'unpaid'));
    expect(r.evidence[0].quote.length).toBeGreaterThan(0);
  });

  it('prefers the wage over a relocation bonus and an equipment allowance', () => {
    const r = pay('We will provide a relocation bonus of $3,000 and a $500 equipment allowance. You will be paid $28/hour.');
    expect(r.value).toEqual(wage(28, 'hour'));
    const trace = r.trace.join('\n');
    expect(trace).toMatch(/\$3,000": bonus money/);
    expect(trace).toMatch(/\$500": equipment money/);
  });

  it('prefers the wage over a housing stipend', () => {
    const r = pay('A housing stipend of $1,000 per month is provided. Your hourly rate is $24.00.');
    expect(r.value).toEqual(wage(24, 'hour'));
  });

  it('takes a housing stipend only when it is the only sum, with low confidence', () => {
    const r = pay('A housing stipend of $1,000 per month is provided.');
    expect(r.value).toEqual(wage(1000, 'month'));
    expect(r.confidence).toBeLessThanOrEqual(0.5);
  });

  it('keeps "unpaid" over a housing stipend', () => {
    const r = pay('This internship is unpaid. A housing stipend of $1,000 per month is provided.');
    expect(r.value).toEqual(wage(null, 'unpaid'));
  });

  it('does not read an unpaid lunch break as an unpaid position', () => {
    const r = pay('You will have an unpaid lunch break of 30 minutes. You will earn $25 an hour.');
    expect(r.value).toEqual(wage(25, 'hour'));
  });

  it('ignores company figures and the 401(k)', () => {
    const r = pay('Our company raised $20 million last year. We match 401(k) contributions up to $2,000.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/unpaid/);
  });

  it('reads a sum without a period by its size and says so', () => {
    const r = pay('You will work 40 hours per week and be paid $20.');
    expect(r.value).toEqual(wage(20, 'hour'));
    expect(r.confidence).toBeLessThan(0.9);
    expect(r.trace[0]).toMatch(/no period stated/);
  });

  it('is missing when the letter says nothing about pay', () => {
    const r = pay('We are pleased to offer you an internship in our Boston office.');
    expect(r.status).toBe('missing');
  });

  it('quotes the cue and the period with the sum', () => {
    const r = pay('You will be paid $32.50 per hour, less applicable withholdings.');
    expect(r.evidence[0].quote).toBe('paid $32.50 per hour');
  });

  it('keeps a wage row apart from the relocation row below it', () => {
    const r = pay('Expected work hours: 40 per week\nHourly wage: $27.50\nRelocation assistance: a lump sum of $2,000');
    expect(r.value).toEqual(wage(27.5, 'hour'));
    expect(r.trace.join('\n')).toMatch(/\$2,000": relocation money/);
  });
});
