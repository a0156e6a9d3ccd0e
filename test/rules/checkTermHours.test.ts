import { describe, expect, it } from 'vitest';
import { checkTermHours } from '../../src/rules/checkTermHours.js';
import { contextOf, profileWith, withElements, goodElements } from './letterFacts.js';

const capped = profileWith({ rules: { maxHoursDuringTerm: 20 } });
const hours = (n: number) => ({ ...goodElements().hours_per_week, value: { min: n, max: n } });
const dates = (start: string, end: string) => ({ start_date: { ...goodElements().start_date, value: start }, end_date: { ...goodElements().end_date, value: end } });

describe('checkTermHours', () => {
  it('has no cap unless the profile sets one', () => {
    expect(checkTermHours(contextOf({ elements: withElements({ hours_per_week: hours(30) }) }))).toEqual([]);
  });

  it('passes 20 hours during the term', () => {
    expect(checkTermHours(contextOf({ profile: capped }))).toEqual([]);
  });

  it('refuses more than the cap during the term (the good letter runs May to September)', () => {
    const findings = checkTermHours(contextOf({ profile: capped, elements: withElements({ hours_per_week: hours(30) }) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'HOURS_OVER_TERM_LIMIT', severity: 'error', element: 'hours_per_week' })]);
  });

  it('allows more within a term break (summer, by default)', () => {
    const summer = withElements({ hours_per_week: hours(40), ...dates('2027-06-01', '2027-08-20') });
    expect(checkTermHours(contextOf({ profile: capped, elements: summer }))).toEqual([]);
  });
});
