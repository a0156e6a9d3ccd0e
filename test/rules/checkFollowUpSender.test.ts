import { describe, expect, it } from 'vitest';
import { checkFollowUpSender } from '../../src/rules/checkFollowUpSender.js';
import { contextOf, followUpEmail, letterDocument } from './letterFacts.js';

describe('checkFollowUpSender', () => {
  it('passes a follow-up from the company domain that supplies the hours', () => {
    const documents = [letterDocument(), followUpEmail(1, 'Lena Ortiz <lena.ortiz@acmerobotics.example>')];
    expect(checkFollowUpSender(contextOf({ documents, merge: { sources: { hours_per_week: 1 } } }))).toEqual([]);
  });

  it('asks for review when a free-mail follow-up supplies an element', () => {
    const documents = [letterDocument(), followUpEmail(1, 'lena.ortiz.hr@gmail.com')];
    const findings = checkFollowUpSender(contextOf({ documents, merge: { sources: { hours_per_week: 1 } } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'FOLLOW_UP_FREE_MAIL_DOMAIN', severity: 'warning', element: 'hours_per_week', review: true })]);
    expect(findings[0].message).toMatch(/^Document 2 \(followup-1\.eml\) was sent from gmail\.com/);
  });

  it('says nothing of a free-mail follow-up the case takes nothing from', () => {
    const documents = [letterDocument(), followUpEmail(1, 'lena.ortiz.hr@gmail.com')];
    expect(checkFollowUpSender(contextOf({ documents }))).toEqual([]);
  });
});
