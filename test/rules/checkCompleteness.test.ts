import { describe, expect, it } from 'vitest';
import { checkCompleteness } from '../../src/rules/checkCompleteness.js';
import { PROFILES, contextOf, goodElements, invalidElement, missingElement, uncertain, withElements } from './letterFacts.js';

describe('checkCompleteness', () => {
  it('finds nothing when every required element is present', () => {
    expect(checkCompleteness(contextOf())).toEqual([]);
  });

  it('reports a missing required element as an error naming it in plain words', () => {
    const findings = checkCompleteness(contextOf({ elements: withElements({ hours_per_week: missingElement<'hours_per_week'>() }) }));
    expect(findings).toEqual([{ code: 'ELEMENT_MISSING', severity: 'error', element: 'hours_per_week', message: 'The letter does not state the hours per week.' }]);
  });

  it("reports an invalid element with the element's request to the employer", () => {
    const [finding] = checkCompleteness(contextOf({ elements: withElements({ compensation: invalidElement<'compensation'>(null) }) }));
    expect(finding).toMatchObject({ code: 'ELEMENT_INVALID', severity: 'error', element: 'compensation' });
    expect(finding.message).toContain('Please correct it.');
  });

  it('reports an uncertain element as a warning', () => {
    const elements = goodElements();
    const [finding] = checkCompleteness(contextOf({ elements: { ...elements, job_title: uncertain(elements.job_title) } }));
    expect(finding).toMatchObject({ code: 'ELEMENT_UNCERTAIN', severity: 'warning', element: 'job_title' });
  });

  it('never flags an element the profile does not require', () => {
    const elements = withElements({ signature: missingElement<'signature'>(), supervisor: missingElement<'supervisor'>() });
    expect(checkCompleteness(contextOf({ elements, profile: PROFILES.cpt }))).toEqual([]);
    expect(checkCompleteness(contextOf({ elements, profile: PROFILES.strict })).map((f) => f.element)).toEqual(['signature', 'supervisor']);
  });
});
