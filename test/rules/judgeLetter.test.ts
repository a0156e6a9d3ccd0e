import { describe, expect, it } from 'vitest';
import { RULES, judgeLetter } from '../../src/rules/judgeLetter.js';
import { Finding } from '../../src/report/index.js';
import { PROFILES, contextOf, emailFrom, goodElements, invalidElement, uncertain, withElements, withValue } from './letterFacts.js';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('judgeLetter', () => {
  it('calls the good letter complete, with its duration and each element marked required or not', () => {
    const judgement = judgeLetter(contextOf({ caller: { studentName: 'Jose Nunez', employer: 'Acme Robotics' } }));
    expect(judgement.findings).toEqual([]);
    expect(judgement.verdict).toBe('complete');
    expect(judgement.duration).toEqual({ weeks: 21.6, months: 4.9 });
    expect(judgement.elements.job_title.required).toBe(true);
    expect(judgement.elements.signature.required).toBe(false);
  });

  it('returns findings that fit the report schema, without the rules\' internal flags', () => {
    const judgement = judgeLetter(contextOf({ elements: withValue('compensation', { amount: null, amountMax: null, currency: 'USD', per: 'unpaid' }) }));
    for (const finding of judgement.findings) {
      expect(Finding.strict().safeParse(finding).success).toBe(true);
      expect(finding).not.toHaveProperty('review');
    }
    expect(judgement.verdict).toBe('needs_review');
  });

  it('marks a PO Box work site invalid, says why in its trace, and does not repeat ELEMENT_INVALID', () => {
    const judgement = judgeLetter(contextOf({ elements: withValue('work_location', { mode: 'onsite', street: 'PO Box 4471', city: 'Denver', state: 'CO', zip: '80202' }) }));
    expect(codes(judgement.findings)).toEqual(['WORK_ADDRESS_PO_BOX']);
    expect(judgement.elements.work_location.status).toBe('invalid');
    expect(judgement.elements.work_location.fix).toContain('street address');
    expect(judgement.elements.work_location.trace.at(-1)).toMatch(/^not accepted \(WORK_ADDRESS_PO_BOX\): .*mailing address/);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('does not repeat ELEMENT_INVALID when the detector already marked a PO Box invalid', () => {
    const elements = withElements({ work_location: invalidElement<'work_location'>({ mode: 'onsite', street: 'P.O. Box 9', city: 'Denver', state: 'CO', zip: '80202' }) });
    expect(codes(judgeLetter(contextOf({ elements })).findings)).toEqual(['WORK_ADDRESS_PO_BOX']);
  });

  it('keeps ELEMENT_INVALID when no rule explains it', () => {
    const elements = withElements({ job_title: invalidElement<'job_title'>('???') });
    expect(codes(judgeLetter(contextOf({ elements })).findings)).toEqual(['ELEMENT_INVALID']);
  });

  it('marks an official-email letterhead from a free-mail domain invalid', () => {
    const elements = withValue('letterhead', { kind: 'email', organization: null, sender: 'acme.jobs@gmail.com' });
    const judgement = judgeLetter(contextOf({ elements, email: emailFrom('acme.jobs@gmail.com') }));
    expect(codes(judgement.findings)).toEqual(['ELEMENT_INVALID', 'EMAIL_FREE_MAIL_DOMAIN']);
    expect(judgement.elements.letterhead.status).toBe('invalid');
    expect(judgement.verdict).toBe('incomplete');
  });

  it('turns an error on a poorly read element into a warning for an advisor', () => {
    const elements = goodElements();
    const site = { ...elements.work_location, value: { mode: 'onsite' as const, street: '1 Main Street', city: 'Austin', state: 'TX', zip: '94105' } };
    const judgement = judgeLetter(contextOf({ elements: { ...elements, work_location: uncertain(site) } }));
    const mismatch = judgement.findings.find((f) => f.code === 'ZIP_STATE_MISMATCH')!;
    expect(mismatch.severity).toBe('warning');
    expect(mismatch.message).toContain('could not read this part of the letter reliably');
    expect(judgement.verdict).toBe('needs_review');
  });

  it('lists an addressee mismatch with both names and calls the letter incomplete', () => {
    const judgement = judgeLetter(contextOf({ caller: { studentName: 'Jose Nunez' }, elements: withValue('student_name', 'Priya Raman') }));
    expect(judgement.findings).toEqual([expect.objectContaining({ code: 'ADDRESSEE_MISMATCH', expected: 'Jose Nunez', found: 'Priya Raman' })]);
    expect(judgement.verdict).toBe('incomplete');
  });

  it('keeps a full-time letter complete: the OPT warning is information, not a decision', () => {
    const judgement = judgeLetter(contextOf({ elements: withValue('hours_per_week', { min: 40, max: 40 }) }));
    expect(codes(judgement.findings)).toEqual(['HOURS_FULL_TIME_CPT']);
    expect(judgement.verdict).toBe('complete');
  });

  it('runs rules that are pure: the same context gives the same judgement and is left unchanged', () => {
    const context = contextOf({ elements: withValue('work_location', { mode: 'onsite', street: 'PO Box 1', city: 'Denver', state: 'CO', zip: '80202' }) });
    const before = JSON.stringify(context);
    expect(judgeLetter(context)).toEqual(judgeLetter(context));
    expect(JSON.stringify(context)).toBe(before);
  });

  it('has one rule per module, each named for what it checks', () => {
    expect(RULES.map((r) => r.name).every((name) => /^check[A-Z]/.test(name))).toBe(true);
    expect(new Set(RULES).size).toBe(RULES.length);
  });

  it('never calls a letter complete under a profile when one of its required elements is missing', () => {
    for (const profile of Object.values(PROFILES)) {
      for (const name of profile.requires) {
        const elements = withElements({ [name]: { status: 'missing', value: null, evidence: [], confidence: 1, fix: 'x', trace: [] } });
        expect(judgeLetter(contextOf({ profile, elements })).verdict, `${profile.id}/${name}`).toBe('incomplete');
      }
    }
  });
});
