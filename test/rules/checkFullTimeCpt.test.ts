import { describe, expect, it } from 'vitest';
import { checkFullTimeCpt } from '../../src/rules/checkFullTimeCpt.js';
import { PROFILES, contextOf, goodElements, missingElement, profileWith } from './letterFacts.js';
import type { FoundElements } from '../../src/fields/findElements.js';

function letter(hours: number, start: string, end: string | null, maxHours = hours): FoundElements {
  const elements = goodElements();
  return {
    ...elements,
    hours_per_week: { ...elements.hours_per_week, value: { min: hours, max: maxHours } },
    start_date: { ...elements.start_date, value: start },
    end_date: end === null ? missingElement<'end_date'>() : { ...elements.end_date, value: end },
  };
}

describe('checkFullTimeCpt', () => {
  it('passes 20 hours a week (part-time)', () => {
    expect(checkFullTimeCpt(contextOf({ elements: letter(20, '2027-09-01', '2027-12-10') }))).toEqual([]);
  });

  it('warns that more than 20 hours during the term is full-time CPT, and what it costs for OPT', () => {
    const findings = checkFullTimeCpt(contextOf({ elements: letter(40, '2027-08-30', '2027-12-10') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'HOURS_FULL_TIME_CPT', severity: 'warning', element: 'hours_per_week' });
    expect(findings[0].message).toContain('full-time CPT during the school term');
    expect(findings[0].message).toContain('12 months or more of full-time CPT in total removes your eligibility for OPT');
    // A fact to know, not a decision for an advisor: the verdict is not held up by it.
    expect(findings[0].review).toBeUndefined();
  });

  it('only notes full-time CPT inside the summer break, still with the OPT consequence', () => {
    const findings = checkFullTimeCpt(contextOf({ elements: letter(40, '2027-05-24', '2027-08-06') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'HOURS_FULL_TIME_CPT', severity: 'info' })]);
    expect(findings[0].message).toContain('OPT');
  });

  it('treats a position without an end date as term time', () => {
    expect(checkFullTimeCpt(contextOf({ elements: letter(40, '2027-05-24', null) }))[0].severity).toBe('warning');
  });

  it("uses the profile's breaks, and a program window counts as one", () => {
    const quarters = profileWith({ rules: { termBreaks: [{ start: '06-15', end: '09-20' }] } });
    expect(checkFullTimeCpt(contextOf({ profile: quarters, elements: letter(40, '2027-05-24', '2027-08-06') }))[0].severity).toBe('warning');
    expect(checkFullTimeCpt(contextOf({ profile: quarters, elements: letter(40, '2027-06-21', '2027-09-10') }))[0].severity).toBe('info');
    expect(checkFullTimeCpt(contextOf({ profile: PROFILES.micro, elements: letter(40, '2027-01-06', '2027-01-29') }))[0].severity).toBe('info');
  });

  it('judges a range by its upper end', () => {
    const [finding] = checkFullTimeCpt(contextOf({ elements: letter(15, '2027-09-01', '2027-12-10', 25) }));
    expect(finding.message).toContain('15 to 25 hours');
  });

  it('leaves impossible hours to the range rule', () => {
    expect(checkFullTimeCpt(contextOf({ elements: letter(80, '2027-09-01', '2027-12-10') }))).toEqual([]);
  });
});
