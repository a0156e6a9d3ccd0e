import { describe, expect, it } from 'vitest';
import { judgeLetter } from '../../../src/rules/judgeLetter.js';
import { CHECKLIST_ELEMENTS } from '../../../src/report/index.js';
import { PROFILES, contextOf, withElements, withValue } from '../letterFacts.js';

const profile = PROFILES.cpt;
const codes = (context = {}) => judgeLetter(contextOf({ profile, ...context })).findings.map((f) => f.code);

describe('profile cpt', () => {
  it('requires exactly the nine checklist elements', () => {
    expect(profile.requires).toEqual([...CHECKLIST_ELEMENTS]);
  });

  it('calls a letter with every element complete, even unsigned and undated', () => {
    const elements = withElements({
      signature: { status: 'missing', value: null, evidence: [], confidence: 1, fix: 'x', trace: [] },
      letter_date: { status: 'missing', value: null, evidence: [], confidence: 1, fix: 'x', trace: [] },
    });
    expect(judgeLetter(contextOf({ profile, elements })).verdict).toBe('complete');
  });

  it('sends an unpaid position to an advisor rather than back to the employer', () => {
    const judgement = judgeLetter(contextOf({ profile, elements: withValue('compensation', { amount: null, amountMax: null, currency: 'USD', per: 'unpaid' }) }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['PAY_UNPAID', 'warning']]);
    expect(judgement.verdict).toBe('needs_review');
  });

  it('applies no co-op or window rule to a short, part-time position', () => {
    const elements = withValue('hours_per_week', { min: 10, max: 10 });
    expect(codes({ elements })).toEqual([]);
  });

  it('warns about full-time CPT in term time but does not hold the letter', () => {
    const judgement = judgeLetter(contextOf({ profile, elements: withValue('hours_per_week', { min: 40, max: 40 }) }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['HOURS_FULL_TIME_CPT', 'warning']]);
    expect(judgement.verdict).toBe('complete');
  });
});
