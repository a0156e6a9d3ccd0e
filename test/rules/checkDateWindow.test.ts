import { describe, expect, it } from 'vitest';
import { checkDateWindow } from '../../src/rules/checkDateWindow.js';
import { PROFILES, SETTINGS, contextOf, goodElements, missingElement, profileWith } from './letterFacts.js';
import type { FoundElements } from '../../src/fields/findElements.js';

function dated(start: string, end: string | null): FoundElements {
  const elements = goodElements();
  return {
    ...elements,
    start_date: { ...elements.start_date, value: start },
    end_date: end === null ? missingElement<'end_date'>() : { ...elements.end_date, value: end },
  };
}

describe('checkDateWindow', () => {
  it('has no window under cpt', () => {
    expect(checkDateWindow(contextOf({ profile: PROFILES.cpt, elements: dated('2027-05-03', '2027-09-30') }))).toEqual([]);
  });

  it.each([
    ['2027-01-06', '2027-01-31'],
    ['2027-01-11', '2027-01-22'],
  ])('accepts a micro-internship from %s to %s', (start, end) => {
    expect(checkDateWindow(contextOf({ profile: PROFILES.micro, elements: dated(start, end) }))).toEqual([]);
  });

  it('is an error when the work starts before the window', () => {
    const findings = checkDateWindow(contextOf({ profile: PROFILES.micro, elements: dated('2027-01-04', '2027-01-22') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'MICRO_INTERNSHIP_OUTSIDE_WINDOW', severity: 'error', element: 'start_date' })]);
    expect(findings[0].message).toContain('January 6 to January 31');
  });

  it('is an error when the work ends after the window', () => {
    const [finding] = checkDateWindow(contextOf({ profile: PROFILES.micro, elements: dated('2027-01-11', '2027-02-12') }));
    expect(finding).toMatchObject({ element: 'end_date' });
    expect(finding.message).toContain('ends on February 12, 2027');
  });

  it('uses the MICRO_INTERNSHIP_WINDOW settings', () => {
    const settings = { ...SETTINGS, microInternshipWindow: { start: '01-02', end: '02-15' } };
    expect(checkDateWindow(contextOf({ profile: PROFILES.micro, settings, elements: dated('2027-01-11', '2027-02-12') }))).toEqual([]);
  });

  it('handles a profile window across New Year', () => {
    const profile = profileWith({ rules: { requireWindow: true, window: { start: '12-15', end: '01-15' } } });
    expect(checkDateWindow(contextOf({ profile, elements: dated('2026-12-20', '2027-01-10') }))).toEqual([]);
    expect(checkDateWindow(contextOf({ profile, elements: dated('2027-01-05', '2027-01-14') }))).toEqual([]);
    expect(checkDateWindow(contextOf({ profile, elements: dated('2027-01-05', '2027-01-20') }))).toHaveLength(1);
  });

  it('checks the start alone when there is no end date', () => {
    expect(checkDateWindow(contextOf({ profile: PROFILES.micro, elements: dated('2027-03-01', null) }))).toHaveLength(1);
  });
});
