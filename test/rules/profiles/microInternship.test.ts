import { describe, expect, it } from 'vitest';
import { judgeLetter } from '../../../src/rules/judgeLetter.js';
import { PROFILES, contextOf, goodElements } from '../letterFacts.js';
import type { FoundElements } from '../../../src/fields/findElements.js';

const profile = PROFILES.micro;

function january(start: string, end: string): FoundElements {
  const elements = goodElements();
  return {
    ...elements,
    start_date: { ...elements.start_date, value: start },
    end_date: { ...elements.end_date, value: end },
    letter_date: { ...elements.letter_date, value: '2026-11-20' },
  };
}

describe('profile micro-internship', () => {
  it('requires the window (days from the settings) and the authorization reminder', () => {
    expect(profile.rules).toMatchObject({ requireWindow: true, window: null, authorizationReminder: true });
  });

  it('calls a January micro-internship complete, with a reminder to get CPT authorized before the start', () => {
    const judgement = judgeLetter(contextOf({ profile, elements: january('2027-01-11', '2027-01-29'), today: '2026-12-01' }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['MICRO_INTERNSHIP_AUTHORIZATION', 'info']]);
    expect(judgement.verdict).toBe('complete');
  });

  it('rejects dates outside the window', () => {
    const judgement = judgeLetter(contextOf({ profile, elements: january('2027-01-11', '2027-02-19'), today: '2026-12-01' }));
    expect(judgement.findings.map((f) => f.code)).toContain('MICRO_INTERNSHIP_OUTSIDE_WINDOW');
    expect(judgement.verdict).toBe('incomplete');
  });

  it('follows a window moved by the settings', () => {
    const settings = { minimumWageHourly: 7.25, microInternshipWindow: { start: '01-02', end: '02-28' } };
    expect(judgeLetter(contextOf({ profile, settings, elements: january('2027-01-11', '2027-02-19'), today: '2026-12-01' })).verdict).toBe('complete');
  });
});
