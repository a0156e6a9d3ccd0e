import { describe, expect, it } from 'vitest';
import { judgeLetter } from '../../../src/rules/judgeLetter.js';
import { PROFILES, contextOf, goodElements, withValue } from '../letterFacts.js';
import type { FoundElements } from '../../../src/fields/findElements.js';

const profile = PROFILES.coop;
const judge = (elements: FoundElements) => judgeLetter(contextOf({ profile, elements }));

describe('profile coop', () => {
  it('has the co-op numbers: 4 to 9 months, 20 hours, paid', () => {
    expect(profile.rules).toMatchObject({ durationMonths: { min: 4, max: 9 }, minHoursPerWeek: 20, unpaid: 'error', belowMinimumWage: 'error' });
  });

  it('calls a paid 5-month co-op at 20 hours complete', () => {
    expect(judge(goodElements()).verdict).toBe('complete');
  });

  it('rejects a co-op under 20 hours a week', () => {
    const judgement = judge(withValue('hours_per_week', { min: 12, max: 12 }));
    expect(judgement.findings.map((f) => f.code)).toEqual(['COOP_HOURS_TOO_LOW']);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects a 3-month co-op', () => {
    const judgement = judge(withValue('end_date', '2027-07-31'));
    expect(judgement.findings.map((f) => f.code)).toEqual(['COOP_DURATION_OUT_OF_RANGE']);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects an unpaid co-op', () => {
    const judgement = judge(withValue('compensation', { amount: null, amountMax: null, currency: 'USD', per: 'unpaid' }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['PAY_UNPAID', 'error']]);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects pay below the federal minimum wage', () => {
    const judgement = judge(withValue('compensation', { amount: 250, amountMax: null, currency: 'USD', per: 'biweekly' }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['PAY_BELOW_MINIMUM_WAGE', 'error']]);
    expect(judgement.verdict).toBe('incomplete');
  });
});
