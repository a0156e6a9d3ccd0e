import { describe, expect, it } from 'vitest';
import { checkDocumentsAgree } from '../../src/rules/checkDocumentsAgree.js';
import { judgeLetter } from '../../src/rules/judgeLetter.js';
import { contextOf } from './letterFacts.js';

const letter = { index: 0, fileName: 'offer.pdf' };
const followUp = { index: 1, fileName: 'update.eml' };
const twoStarts = [
  {
    element: 'start_date' as const,
    readings: [
      { document: letter, value: '2027-05-03', evidence: [{ document: letter, page: 1, quote: 'starting May 3, 2027' }] },
      { document: followUp, value: '2027-05-10', evidence: [{ document: followUp, page: 1, quote: 'start on May 10, 2027' }] },
    ],
  },
];

describe('checkDocumentsAgree', () => {
  it('says nothing when the documents agree (or there is one)', () => {
    expect(checkDocumentsAgree(contextOf())).toEqual([]);
  });

  it('asks for review when two documents give different start dates, quoting both', () => {
    const findings = checkDocumentsAgree(contextOf({ merge: { disagreements: twoStarts } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DOCUMENTS_DISAGREE', severity: 'warning', element: 'start_date', review: true })]);
    expect(findings[0].message).toContain('document 1 (offer.pdf), page 1, says "starting May 3, 2027"');
    expect(findings[0].message).toContain('document 2 (update.eml), page 1, says "start on May 10, 2027"');
    expect(judgeLetter(contextOf({ merge: { disagreements: twoStarts } })).verdict).toBe('needs_review');
  });
});
