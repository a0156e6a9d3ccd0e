import { describe, expect, it } from 'vitest';
import { checkStartLeadTime } from '../../src/rules/checkStartLeadTime.js';
import { contextOf, profileWith, withValue } from './letterFacts.js';

const tenDays = profileWith({ rules: { minBusinessDaysBeforeStart: 10 } });

describe('checkStartLeadTime', () => {
  it('asks for no lead time unless the profile does', () => {
    expect(checkStartLeadTime(contextOf({ elements: withValue('start_date', '2027-03-02'), today: '2027-03-01' }))).toEqual([]);
  });

  it('passes a start far enough away (TODAY is March 1, 2027; the letter starts May 3)', () => {
    expect(checkStartLeadTime(contextOf({ profile: tenDays }))).toEqual([]);
  });

  it('refuses a start fewer than N business days after the check, naming the earliest start', () => {
    // Monday March 1 + 10 business days = Monday March 15.
    const findings = checkStartLeadTime(contextOf({ profile: tenDays, elements: withValue('start_date', '2027-03-12') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'START_TOO_SOON', severity: 'error', element: 'start_date', expected: '2027-03-15', found: '2027-03-12' })]);
    expect(findings[0].message).toContain('9 business days after today');
    expect(checkStartLeadTime(contextOf({ profile: tenDays, elements: withValue('start_date', '2027-03-15') }))).toEqual([]);
  });

  it('counts from the submission date the caller gives, skipping federal holidays', () => {
    // Submitted Friday May 21, 2027: Memorial Day (May 31) does not count; 10 business days end Monday June 7.
    const caller = { submissionDate: '2027-05-21' };
    const findings = checkStartLeadTime(contextOf({ profile: tenDays, caller, elements: withValue('start_date', '2027-06-04') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'START_TOO_SOON', expected: '2027-06-07' })]);
    expect(findings[0].message).toContain('the submission date (May 21, 2027)');
    expect(checkStartLeadTime(contextOf({ profile: tenDays, caller, elements: withValue('start_date', '2027-06-07') }))).toEqual([]);
  });

  it('leaves a start already past to START_DATE_PAST', () => {
    expect(checkStartLeadTime(contextOf({ profile: tenDays, elements: withValue('start_date', '2027-02-20') }))).toEqual([]);
  });
});
