import { describe, expect, it } from 'vitest';
import { checkUnpaid } from '../../src/rules/checkUnpaid.js';
import { PROFILES, contextOf, withValue } from './letterFacts.js';

const unpaid = withValue('compensation', { amount: null, amountMax: null, currency: 'USD', per: 'unpaid' });

describe('checkUnpaid', () => {
  it('passes a paid position', () => {
    expect(checkUnpaid(contextOf())).toEqual([]);
  });

  it('is a warning for an advisor under cpt', () => {
    const findings = checkUnpaid(contextOf({ elements: unpaid }));
    expect(findings).toEqual([expect.objectContaining({ code: 'PAY_UNPAID', severity: 'warning', element: 'compensation', review: true })]);
    expect(findings[0].message).toContain('unpaid');
  });

  it('is an error for a co-op, which must be paid', () => {
    const findings = checkUnpaid(contextOf({ profile: PROFILES.coop, elements: unpaid }));
    expect(findings).toEqual([expect.objectContaining({ code: 'PAY_UNPAID', severity: 'error', review: false })]);
    expect(findings[0].message).toContain('paid position');
  });

  it('treats pay of $0 as unpaid', () => {
    expect(checkUnpaid(contextOf({ elements: withValue('compensation', { amount: 0, amountMax: null, currency: 'USD', per: 'hour' }) }))).toHaveLength(1);
  });
});
