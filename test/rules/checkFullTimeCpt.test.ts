import { describe, expect, it } from 'vitest';
import { checkFullTimeCpt } from '../../src/rules/checkFullTimeCpt.js';
import { contextOf, withValue } from './letterFacts.js';

describe('checkFullTimeCpt', () => {
  it('passes 20 hours a week (part-time)', () => {
    expect(checkFullTimeCpt(contextOf())).toEqual([]);
  });

  it('warns that more than 20 hours is full-time CPT and what it costs for OPT', () => {
    const findings = checkFullTimeCpt(contextOf({ elements: withValue('hours_per_week', { min: 40, max: 40 }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'HOURS_FULL_TIME_CPT', severity: 'warning', element: 'hours_per_week' });
    expect(findings[0].message).toContain('full-time CPT');
    expect(findings[0].message).toContain('12 months');
    expect(findings[0].message).toContain('OPT');
    // A fact to know, not a decision for an advisor: the verdict is not held up by it.
    expect(findings[0].review).toBeUndefined();
  });

  it('judges a range by its upper end', () => {
    const [finding] = checkFullTimeCpt(contextOf({ elements: withValue('hours_per_week', { min: 15, max: 25 }) }));
    expect(finding.message).toContain('15 to 25 hours');
  });

  it('leaves impossible hours to the range rule', () => {
    expect(checkFullTimeCpt(contextOf({ elements: withValue('hours_per_week', { min: 80, max: 80 }) }))).toEqual([]);
  });
});
