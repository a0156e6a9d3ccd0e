import { describe, expect, it } from 'vitest';
import { checkAddressee } from '../../src/rules/checkAddressee.js';
import { contextOf, missingElement, withElements, withValue } from './letterFacts.js';

describe('checkAddressee', () => {
  it('passes when the letter names the student, however written ("José A. Núñez" for "Jose Nunez")', () => {
    expect(checkAddressee(contextOf({ caller: { studentName: 'Jose Nunez' } }))).toEqual([]);
    expect(checkAddressee(contextOf({ caller: { studentName: 'NUNEZ, JOSE' } }))).toEqual([]);
  });

  it('is an error when the letter is addressed to someone else, with both names', () => {
    const findings = checkAddressee(contextOf({ caller: { studentName: 'Jose Nunez' }, elements: withValue('student_name', 'Maria Keller') }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'ADDRESSEE_MISMATCH', severity: 'error', element: 'student_name', expected: 'Jose Nunez', found: 'Maria Keller' }),
    ]);
    expect(findings[0].message).toContain('addressed to Maria Keller, not to Jose Nunez');
  });

  it('is a warning with both names when the spelling differs', () => {
    const findings = checkAddressee(contextOf({ caller: { studentName: 'Jose Nunez' }, elements: withValue('student_name', 'Jose Nunes') }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'STUDENT_NAME_MISMATCH', severity: 'warning', expected: 'Jose Nunez', found: 'Jose Nunes', review: true }),
    ]);
    expect(findings[0].message).toContain('"Nunez" as "Nunes"');
  });

  it('says nothing when the caller gave no name, or the letter has none', () => {
    expect(checkAddressee(contextOf({ elements: withValue('student_name', 'Maria Keller') }))).toEqual([]);
    expect(checkAddressee(contextOf({ caller: { studentName: 'Jose Nunez' }, elements: withElements({ student_name: missingElement<'student_name'>() }) }))).toEqual([]);
  });
});

describe('checkAddressee messages', () => {
  it('says which word differs when the names share one', () => {
    const [finding] = checkAddressee(contextOf({ caller: { studentName: 'Jose Nunez' }, elements: withValue('student_name', 'Maria Nunez') }));
    expect(finding.message).toContain('(the letter\'s name has "Maria", which is not in the name you gave)');
  });
});
