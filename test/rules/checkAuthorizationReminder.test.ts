import { describe, expect, it } from 'vitest';
import { checkAuthorizationReminder } from '../../src/rules/checkAuthorizationReminder.js';
import { PROFILES, contextOf, missingElement, withElements, withValue } from './letterFacts.js';

describe('checkAuthorizationReminder', () => {
  it('is not given under cpt', () => {
    expect(checkAuthorizationReminder(contextOf())).toEqual([]);
  });

  it('reminds, for a micro-internship, that CPT must be authorized before the start date, with the days left', () => {
    const findings = checkAuthorizationReminder(contextOf({ profile: PROFILES.micro, elements: withValue('start_date', '2027-01-11'), today: '2026-12-01' }));
    expect(findings).toEqual([expect.objectContaining({ code: 'MICRO_INTERNSHIP_AUTHORIZATION', severity: 'info', element: 'start_date' })]);
    expect(findings[0].message).toContain('authorized');
    expect(findings[0].message).toContain('January 11, 2027, 41 days from today');
  });

  it('still reminds when the letter gives no start date', () => {
    const [finding] = checkAuthorizationReminder(contextOf({ profile: PROFILES.micro, elements: withElements({ start_date: missingElement<'start_date'>() }) }));
    expect(finding.message).toContain('before you start working.');
  });
});
