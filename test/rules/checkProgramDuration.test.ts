import { describe, expect, it } from 'vitest';
import { checkProgramDuration } from '../../src/rules/checkProgramDuration.js';
import { PROFILES, contextOf, goodElements } from './letterFacts.js';
import type { FoundElements } from '../../src/fields/findElements.js';

function dated(start: string, end: string): FoundElements {
  const elements = goodElements();
  return { ...elements, start_date: { ...elements.start_date, value: start }, end_date: { ...elements.end_date, value: end } };
}

describe('checkProgramDuration', () => {
  it('has no length rule under cpt', () => {
    expect(checkProgramDuration(contextOf({ profile: PROFILES.cpt, elements: dated('2027-06-01', '2027-06-30') }))).toEqual([]);
  });

  it.each([
    ['2027-01-01', '2027-04-30'],
    ['2027-01-04', '2027-09-30'],
  ])('accepts a co-op from %s to %s (4 to 9 months)', (start, end) => {
    expect(checkProgramDuration(contextOf({ profile: PROFILES.coop, elements: dated(start, end) }))).toEqual([]);
  });

  it('is an error for a co-op of 3 months, giving its length', () => {
    const findings = checkProgramDuration(contextOf({ profile: PROFILES.coop, elements: dated('2027-06-01', '2027-08-31') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'COOP_DURATION_OUT_OF_RANGE', severity: 'error' });
    expect(findings[0].message).toContain('3 months');
    expect(findings[0].message).toContain('shorter');
  });

  it('is an error for a co-op of a year', () => {
    const [finding] = checkProgramDuration(contextOf({ profile: PROFILES.coop, elements: dated('2027-01-04', '2027-12-17') }));
    expect(finding.message).toContain('longer');
  });
});
