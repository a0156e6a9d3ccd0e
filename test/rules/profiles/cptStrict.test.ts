import { describe, expect, it } from 'vitest';
import { judgeLetter } from '../../../src/rules/judgeLetter.js';
import { CHECKLIST_ELEMENTS } from '../../../src/report/index.js';
import { PROFILES, contextOf, missingElement, withElements, withValue } from '../letterFacts.js';
import type { FoundElements } from '../../../src/fields/findElements.js';

const profile = PROFILES.strict;
const caller = { studentName: 'Jose Nunez', graduationDate: '2027-12-15' };
const judge = (elements?: FoundElements, extra = {}) => judgeLetter(contextOf({ profile, caller, elements, ...extra }));

describe('profile cpt-strict', () => {
  it('requires the checklist plus signature, letter date, employer name and supervisor', () => {
    expect(profile.requires).toEqual([...CHECKLIST_ELEMENTS, 'signature', 'letter_date', 'employer_name', 'supervisor']);
  });

  it('calls a signed, recent letter with the supervisor contact, ending before graduation, complete', () => {
    const judgement = judge();
    expect(judgement.findings).toEqual([]);
    expect(judgement.verdict).toBe('complete');
  });

  it.each(['signature', 'letter_date', 'employer_name', 'supervisor'] as const)('rejects a letter without %s', (name) => {
    const judgement = judge(withElements({ [name]: missingElement() }));
    expect(judgement.findings).toEqual([expect.objectContaining({ code: 'ELEMENT_MISSING', element: name })]);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects a typed name alone', () => {
    const judgement = judge(withValue('signature', { kind: 'typed', signer: 'Dana Whitfield' }));
    expect(judgement.findings.map((f) => f.code)).toEqual(['SIGNATURE_TYPED_ONLY']);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects a letter older than 4 months on the day checked', () => {
    const judgement = judge(undefined, { today: '2027-06-11' });
    expect(judgement.findings.map((f) => f.code)).toContain('LETTER_DATE_TOO_OLD');
    expect(judgement.verdict).toBe('incomplete');
  });

  it('rejects an end date after the graduation date', () => {
    const judgement = judgeLetter(contextOf({ profile, caller: { ...caller, graduationDate: '2027-08-20' } }));
    expect(judgement.findings).toEqual([expect.objectContaining({ code: 'END_AFTER_GRADUATION', severity: 'error', expected: '2027-08-20', found: '2027-09-30' })]);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('notes, without holding the letter, that no graduation date was given', () => {
    const judgement = judgeLetter(contextOf({ profile, caller: { studentName: 'Jose Nunez' } }));
    expect(judgement.findings.map((f) => [f.code, f.severity])).toEqual([['GRADUATION_DATE_NOT_GIVEN', 'info']]);
    expect(judgement.verdict).toBe('complete');
  });

  it("rejects a supervisor without contact details", () => {
    const judgement = judge(withValue('supervisor', { name: 'Lena Ortiz', title: 'Manager', email: null, phone: null }));
    expect(judgement.findings.map((f) => f.code)).toEqual(['SUPERVISOR_CONTACT_MISSING']);
  });
});
