import { describe, expect, it } from 'vitest';
import { checkMinimumHours } from '../../src/rules/checkMinimumHours.js';
import { PROFILES, contextOf, withValue } from './letterFacts.js';

describe('checkMinimumHours', () => {
  it('has no floor under cpt', () => {
    expect(checkMinimumHours(contextOf({ profile: PROFILES.cpt, elements: withValue('hours_per_week', { min: 10, max: 10 }) }))).toEqual([]);
  });

  it('accepts 20 hours for a co-op', () => {
    expect(checkMinimumHours(contextOf({ profile: PROFILES.coop }))).toEqual([]);
  });

  it('is an error below 20 hours for a co-op, judged by the lower end of a range', () => {
    const findings = checkMinimumHours(contextOf({ profile: PROFILES.coop, elements: withValue('hours_per_week', { min: 15, max: 25 }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'COOP_HOURS_TOO_LOW', severity: 'error', element: 'hours_per_week' });
    expect(findings[0].message).toContain('at least 20 hours');
  });
});

describe('checkMinimumHours with "up to" hours', () => {
  it('is an error when even the ceiling is below the floor', () => {
    const [finding] = checkMinimumHours(contextOf({ profile: PROFILES.coop, elements: withValue('hours_per_week', { min: null, max: 15 }) }));
    expect(finding).toMatchObject({ code: 'COOP_HOURS_TOO_LOW', severity: 'error' });
    expect(finding.message).toContain('up to 15 hours');
  });

  it('asks an advisor when the letter promises no floor', () => {
    expect(checkMinimumHours(contextOf({ profile: PROFILES.coop, elements: withValue('hours_per_week', { min: null, max: 40 }) }))).toEqual([
      expect.objectContaining({ code: 'COOP_HOURS_TOO_LOW', severity: 'warning', review: true }),
    ]);
  });
});
