import { describe, expect, it } from 'vitest';
import { checkHoursRange } from '../../src/rules/checkHoursRange.js';
import { contextOf, withValue } from './letterFacts.js';

describe('checkHoursRange', () => {
  it.each([1, 20, 40, 60])('accepts %i hours a week', (hours) => {
    expect(checkHoursRange(contextOf({ elements: withValue('hours_per_week', { min: hours, max: hours }) }))).toEqual([]);
  });

  it('is an error for 0 hours, and marks the element invalid', () => {
    const findings = checkHoursRange(contextOf({ elements: withValue('hours_per_week', { min: 0, max: 0 }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'HOURS_OUT_OF_RANGE', severity: 'error', element: 'hours_per_week' });
    expect(findings[0].message).toContain('zero hours');
    expect(findings[0].invalidates?.fix).toMatch(/hours per week/);
  });

  it('accepts "up to 20 hours" ({min: null, max: 20}): a ceiling, not zero hours', () => {
    expect(checkHoursRange(contextOf({ elements: withValue('hours_per_week', { min: null, max: 20 }) }))).toEqual([]);
  });

  it('is an error over 60 hours, saying why', () => {
    const [finding] = checkHoursRange(contextOf({ elements: withValue('hours_per_week', { min: 40, max: 70 }) }));
    expect(finding.code).toBe('HOURS_OUT_OF_RANGE');
    expect(finding.message).toContain('more than 60 hours');
  });
});
