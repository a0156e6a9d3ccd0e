import { describe, expect, it } from 'vitest';
import { mergeCase } from '../../src/case/mergeCase.js';
import { withDigitalSignature } from '../../src/case/withDigitalSignature.js';
import { sameElementValue } from '../../src/case/sameElementValue.js';
import { present } from '../../src/fields/shared/foundElement.js';
import { goodElements, invalidElement, letterDocument, missingElement, withElements, withValue } from '../rules/letterFacts.js';

const LETTER = { index: 0, fileName: 'offer.pdf' };
const EMAIL = { index: 1, fileName: 'followup.eml' };
const allMissing = () =>
  Object.fromEntries(Object.keys(goodElements()).map((name) => [name, missingElement()])) as unknown as ReturnType<typeof goodElements>;

describe('mergeCase', () => {
  it('one document: its elements, each quote naming it', () => {
    const merged = mergeCase([{ document: LETTER, elements: goodElements(), freeMailFollowUp: false }]);
    expect(merged.elements.hours_per_week.value).toEqual({ min: 20, max: 20 });
    expect(merged.elements.hours_per_week.evidence).toEqual([{ page: 1, quote: '20 hours per week', document: LETTER }]);
    expect(merged.sources.hours_per_week).toBe(0);
    expect(merged.disagreements).toEqual([]);
  });

  it("prefers the letter's finding and fills what it lacks from a follow-up", () => {
    const letter = withElements({ hours_per_week: missingElement<'hours_per_week'>() });
    const email = { ...allMissing(), hours_per_week: present<'hours_per_week'>({ min: 25, max: 25 }, [{ page: 1, quote: '25 hours a week' }], 0.9), job_title: present<'job_title'>('Intern', [{ page: 1, quote: 'Intern' }], 0.5) };
    const merged = mergeCase([
      { document: LETTER, elements: letter, freeMailFollowUp: false },
      { document: EMAIL, elements: email, freeMailFollowUp: false },
    ]);
    expect(merged.elements.hours_per_week).toMatchObject({ status: 'present', value: { min: 25, max: 25 }, evidence: [{ document: EMAIL, quote: '25 hours a week' }] });
    expect(merged.sources.hours_per_week).toBe(1);
    expect(merged.elements.job_title.value).toBe('Software Engineering Intern');
    expect(merged.sources.job_title).toBe(0);
  });

  it('takes a plainly stated value from a follow-up over a letter that reads it as not acceptable', () => {
    const letter = withElements({ hours_per_week: invalidElement<'hours_per_week'>({ min: 0, max: 0 }) });
    const email = { ...allMissing(), hours_per_week: present<'hours_per_week'>({ min: 20, max: 20 }, [{ page: 1, quote: '20 hours' }], 0.9) };
    const merged = mergeCase([
      { document: LETTER, elements: letter, freeMailFollowUp: false },
      { document: EMAIL, elements: email, freeMailFollowUp: false },
    ]);
    expect(merged.elements.hours_per_week.status).toBe('present');
    expect(merged.disagreements).toEqual([]);
  });

  it('keeps two different values as a disagreement, the element quoting both', () => {
    const email = { ...allMissing(), compensation: present<'compensation'>({ amount: 22, amountMax: null, currency: 'USD', per: 'hour' }, [{ page: 1, quote: '$22 per hour' }], 0.9) };
    const merged = mergeCase([
      { document: LETTER, elements: goodElements(), freeMailFollowUp: false },
      { document: EMAIL, elements: email, freeMailFollowUp: false },
    ]);
    expect(merged.elements.compensation.value).toMatchObject({ amount: 25 });
    expect(merged.elements.compensation.evidence.map((e) => (e as unknown as { document: unknown }).document)).toEqual([LETTER, EMAIL]);
    expect(merged.disagreements).toEqual([{ element: 'compensation', readings: [expect.objectContaining({ document: LETTER }), expect.objectContaining({ document: EMAIL, value: expect.objectContaining({ amount: 22 }) })] }]);
  });

  it('never takes the letterhead from a follow-up sent from a free-mail address', () => {
    const letter = withElements({ letterhead: missingElement<'letterhead'>() });
    const email = { ...allMissing(), letterhead: present<'letterhead'>({ kind: 'email', organization: null, sender: 'hr.acme@gmail.com' }, [{ page: 1, quote: 'From: hr.acme@gmail.com' }], 0.9) };
    const merged = mergeCase([
      { document: LETTER, elements: letter, freeMailFollowUp: false },
      { document: EMAIL, elements: email, freeMailFollowUp: true },
    ]);
    expect(merged.elements.letterhead.status).toBe('missing');
    expect(merged.sources.letterhead).toBeNull();
  });
});

describe('sameElementValue', () => {
  it('holds a follow-up that names only the city to agree with the full address', () => {
    const full = { mode: 'onsite' as const, street: '1700 Lincoln Street', city: 'Denver', state: 'CO', zip: '80202' };
    expect(sameElementValue('work_location', full, { mode: 'onsite', street: null, city: 'Denver', state: null, zip: null })).toBe(true);
    expect(sameElementValue('work_location', full, { ...full, zip: '80301' })).toBe(false);
    expect(sameElementValue('work_location', full, { mode: 'remote', street: null, city: null, state: 'CO', zip: null })).toBe(false);
  });
});

describe('withDigitalSignature', () => {
  const merged = (elements = goodElements()) => mergeCase([{ document: LETTER, elements, freeMailFollowUp: false }]);
  const certified = [letterDocument({ verifiedSignature: [{ how: 'certificate', what: 'a PDF digital signature (adbe.pkcs7.detached)', signer: 'Lena Ortiz' }] })];

  it('reads a typed name or no signature in a PDF signed with a certificate as an electronic signature', () => {
    const typed = withDigitalSignature(merged(withValue('signature', { kind: 'typed', signer: 'Dana Whitfield' })), certified);
    expect(typed.elements.signature).toMatchObject({ status: 'present', value: { kind: 'electronic', signer: 'Dana Whitfield' } });
    const none = withDigitalSignature(merged(withElements({ signature: missingElement<'signature'>() })), certified);
    expect(none.elements.signature).toMatchObject({ status: 'present', value: { kind: 'electronic', signer: 'Lena Ortiz' }, fix: null });
    expect(none.elements.signature.trace.at(-1)).toContain('adbe.pkcs7.detached');
  });

  it('leaves a drawn signature, and a PDF without a certificate, as they are', () => {
    expect(withDigitalSignature(merged(), certified).elements.signature.value).toMatchObject({ kind: 'image' });
    const typed = merged(withValue('signature', { kind: 'typed', signer: 'Dana Whitfield' }));
    expect(withDigitalSignature(typed, [letterDocument()])).toBe(typed);
  });
});

describe('mergeCase, facts of the letter itself', () => {
  it("never takes the letter's date from a follow-up: an email's date is its own", () => {
    const letter = withElements({ letter_date: missingElement<'letter_date'>() });
    const email = { ...allMissing(), letter_date: present<'letter_date'>('2027-03-04', [{ page: 1, quote: 'Date: Thu, 4 Mar 2027' }], 0.9) };
    const merged = mergeCase([
      { document: LETTER, elements: letter, freeMailFollowUp: false },
      { document: EMAIL, elements: email, freeMailFollowUp: false },
    ]);
    expect(merged.elements.letter_date.status).toBe('missing');
    expect(merged.sources.letter_date).toBeNull();
  });
});
