import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../src/rules/decideVerdict.js';
import { ELEMENT_NAMES, FINDING_CODES, type ElementName } from '../../src/report/index.js';
import type { RuleFinding } from '../../src/rules/ruleContext.js';
import { PROFILES, goodElements, invalidElement, missingElement, uncertain, withElements } from './letterFacts.js';

const required = PROFILES.cpt.requires;
const finding = (severity: RuleFinding['severity'], extra: Partial<RuleFinding> = {}): RuleFinding => ({
  code: 'HOURS_FULL_TIME_CPT',
  severity,
  element: null,
  message: 'x',
  ...extra,
});

describe('decideVerdict', () => {
  it('is complete when every required element is present and nothing is wrong', () => {
    expect(decideVerdict(goodElements(), required, [])).toBe('complete');
  });

  it('stays complete with warnings and notes that need no decision', () => {
    expect(decideVerdict(goodElements(), required, [finding('warning'), finding('info')])).toBe('complete');
  });

  it('is needs_review when a finding asks for an advisor', () => {
    expect(decideVerdict(goodElements(), required, [finding('warning', { review: true })])).toBe('needs_review');
    expect(decideVerdict(goodElements(), required, [finding('info', { review: true })])).toBe('needs_review');
  });

  it('is needs_review when a required element is uncertain', () => {
    const elements = goodElements();
    expect(decideVerdict({ ...elements, duties: uncertain(elements.duties) }, required, [])).toBe('needs_review');
  });

  it('ignores elements the profile does not require', () => {
    expect(decideVerdict(withElements({ signature: missingElement<'signature'>() }), required, [])).toBe('complete');
  });

  // The costly mistake is calling a deficient letter complete: check it for every element, status and code.
  it.each(ELEMENT_NAMES.filter((n) => required.includes(n)))('is never complete when the required %s is missing or invalid', (name: ElementName) => {
    expect(decideVerdict(withElements({ [name]: missingElement() }), required, [])).toBe('incomplete');
    expect(decideVerdict(withElements({ [name]: invalidElement(null) }), required, [])).toBe('incomplete');
    expect(decideVerdict(withElements({ [name]: missingElement() }), required, [finding('warning', { review: true })])).toBe('incomplete');
  });

  it.each(FINDING_CODES)('is never complete when a %s finding is an error', (code) => {
    expect(decideVerdict(goodElements(), required, [{ code, severity: 'error', element: null, message: 'x' }])).toBe('incomplete');
    const elements = goodElements();
    expect(decideVerdict({ ...elements, job_title: uncertain(elements.job_title) }, required, [{ code, severity: 'error', element: null, message: 'x' }])).toBe('incomplete');
  });
});
