import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckOptions } from '../../../src/checker.js';
import type { Report } from '../../../src/report/index.js';
import { loadProfiles } from '../../../src/rules/loadProfiles.js';
import { offerPdf, offerText, type OfferOptions } from '../../case/caseLetters.js';
import { ROOT, testSettings } from '../../helper.js';

/**
 * The example operator profiles (profiles/examples), loaded as an operator loads them
 * (PROFILES_DIR), each deciding invented letters: one that passes everything it asks, and one
 * that fails each of its own rules. The letters are read by the real pipeline, not built as facts.
 */
const EXAMPLES = path.join(ROOT, 'profiles/examples');
const TODAY = '2027-03-05';

const RELATION = 'This internship is directly related to your major in Computer Science.';
const OBJECTIVES = [
  '',
  'Learning objectives:',
  '1. Learn to write motion-planning software for robot arms.',
  '2. Apply control theory from your coursework to real hardware.',
  '3. Present test results to the engineering team.',
];
const codes = (report: Report) => report.findings.map((f) => f.code);

describe('the example operator profiles', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await createChecker(testSettings({ PROFILES_DIR: EXAMPLES }));
  });
  afterAll(() => checker.close());

  const check = (bytes: Buffer, profile: string, options: Omit<CheckOptions, 'profile'> = {}) => checker.check(bytes, { fileName: 'offer', today: TODAY, profile, ...options });

  it('are five YAML files, each with a comment naming the checklist it models, all loaded and listed', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(5);
    for (const file of files) expect(readFileSync(path.join(EXAMPLES, file), 'utf8')).toMatch(/^# Models: .{20,}/);
    const ids = ['cpt-pdf-onsite', 'academic-internship', 'cpt-term', 'coop-engineering', 'cpt-community-college'];
    expect([...loadProfiles(EXAMPLES).keys()]).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect(checker.profiles.has(id)).toBe(true);
  });

  describe('cpt-pdf-onsite: PDF only, on site, paid, signed by hand or through a verifying service', () => {
    const profile = 'cpt-pdf-onsite';
    it('passes a PDF signed by hand', async () => {
      const report = await check(await offerPdf({}, { imageUnderClosing: true }), profile);
      expect(report.elements.signature.value).toMatchObject({ kind: 'image' });
      expect(report.verdict).toBe('complete');
    });
    it('passes a PDF signed through DocuSign, and one signed with a certificate', async () => {
      const docusigned = await check(await offerPdf({ signature: ['DocuSign Envelope ID: 4F1A2B3C-1D2E-4F5A-9B8C-7D6E5F4A3B2C', 'Marcus Bell', 'Director of Engineering, Larkspur Robotics Inc.'] }), profile);
      expect(docusigned.elements.signature.value).toMatchObject({ kind: 'electronic' });
      expect(docusigned.verdict).toBe('complete');
      const certified = await check(await offerPdf({}, { certificate: true }), profile);
      expect(certified.elements.signature.value).toMatchObject({ kind: 'electronic', signer: 'Marcus Bell' });
      expect(certified.verdict).toBe('complete');
    });
    it('refuses the same letter as a Word or text file', async () => {
      const report = await check(offerText(), profile);
      expect(codes(report)).toContain('FORMAT_NOT_ACCEPTED');
      expect(report.verdict).toBe('incomplete');
    });
    it('refuses remote work, an unpaid position, a typed name and an unverified e-signature', async () => {
      const remote = await check(await offerPdf({ site: 'This is a remote position; you will work from your home in California.' }, { imageUnderClosing: true }), profile);
      expect(codes(remote)).toContain('REMOTE_WORK_NOT_ACCEPTED');
      expect(remote.elements.work_location.status).toBe('invalid');
      const unpaid = await check(await offerPdf({ pay: 'This is an unpaid internship.' }, { imageUnderClosing: true }), profile);
      expect(unpaid.findings).toContainEqual(expect.objectContaining({ code: 'PAY_UNPAID', severity: 'error' }));
      const typed = await check(await offerPdf(), profile);
      expect(codes(typed)).toContain('SIGNATURE_TYPED_ONLY');
      const slashS = await check(await offerPdf({ signature: ['/s/ Marcus Bell', 'Marcus Bell', 'Director of Engineering, Larkspur Robotics Inc.'] }), profile);
      expect(slashS.elements.signature.value).toMatchObject({ kind: 'electronic' });
      expect(codes(slashS)).toContain('SIGNATURE_NOT_VERIFIED');
      for (const report of [remote, unpaid, typed, slashS]) expect(report.verdict).toBe('incomplete');
    });
  });

  describe('academic-internship: relation to the program, three learning objectives, supervisor by email and phone', () => {
    const profile = 'academic-internship';
    const full: OfferOptions = { extra: [RELATION, ...OBJECTIVES] };
    it('passes a letter that has them all', async () => {
      const report = await check(offerText(full), profile);
      expect(report.elements.program_relation).toMatchObject({ status: 'present', required: true, value: RELATION });
      expect(report.elements.learning_objectives.value).toHaveLength(3);
      expect(report.verdict).toBe('complete');
    });
    it('refuses a letter without the relation, with two objectives, or with the supervisor by email only', async () => {
      const noRelation = await check(offerText({ extra: OBJECTIVES }), profile);
      expect(noRelation.findings).toContainEqual(expect.objectContaining({ code: 'ELEMENT_MISSING', element: 'program_relation' }));
      const two = await check(offerText({ extra: [RELATION, ...OBJECTIVES.slice(0, -1)] }), profile);
      expect(codes(two)).toContain('LEARNING_OBJECTIVES_TOO_FEW');
      const emailOnly = await check(offerText({ ...full, supervisor: 'You will report to Dana Whitfield, Engineering Manager (dana.whitfield@larkspur-robotics.example).' }), profile);
      expect(codes(emailOnly)).toContain('SUPERVISOR_CONTACT_MISSING');
      for (const report of [noRelation, two, emailOnly]) expect(report.verdict).toBe('incomplete');
    });
  });

  describe('cpt-term: one term at a time', () => {
    const profile = 'cpt-term';
    const fall: OfferOptions = { start: 'September 13, 2027', end: 'December 10, 2027', hours: 'You will work 20 hours per week.' };
    it('passes 20 hours a week in the fall term, ending by the term end, well after the request', async () => {
      const report = await check(offerText(fall), profile, { termEndDate: '2027-12-17', submissionDate: '2027-08-02' });
      expect(report.verdict).toBe('complete');
    });
    it('refuses 30 hours during the term, an end after the term end, and a start too soon after the request', async () => {
      const hours = await check(offerText({ ...fall, hours: 'You will work 30 hours per week.' }), profile, { termEndDate: '2027-12-17' });
      expect(codes(hours)).toContain('HOURS_OVER_TERM_LIMIT');
      const late = await check(offerText(fall), profile, { termEndDate: '2027-12-03' });
      expect(codes(late)).toContain('END_AFTER_TERM_END');
      const soon = await check(offerText(fall), profile, { termEndDate: '2027-12-17', submissionDate: '2027-09-03' });
      expect(soon.findings).toContainEqual(expect.objectContaining({ code: 'START_TOO_SOON', expected: '2027-09-20' }));
      for (const report of [hours, late, soon]) expect(report.verdict).toBe('incomplete');
    });
  });

  describe('coop-engineering: co-op rules, on site only, the supervisor by phone, a real signature', () => {
    const profile = 'coop-engineering';
    const coop: OfferOptions = {
      intro: 'We are pleased to offer you a co-op position as a Robotics Software Co-op at Larkspur Robotics Inc.',
      start: 'May 3, 2027',
      end: 'December 17, 2027',
    };
    it('passes an on-site co-op signed by hand, the supervisor with a phone number', async () => {
      const report = await check(await offerPdf(coop, { imageUnderClosing: true }), profile);
      expect(report.elements.position_type.value).toBe('co-op');
      expect(report.verdict).toBe('complete');
    });
    it('refuses hybrid work, a supervisor without a phone, and a typed name', async () => {
      const hybrid = await check(await offerPdf({ ...coop, site: 'This is a hybrid role: three days a week at 1400 Harbor Way, Suite 210, Oakland, CA 94607 and two from home.' }, { imageUnderClosing: true }), profile);
      expect(codes(hybrid)).toContain('REMOTE_WORK_NOT_ACCEPTED');
      const noPhone = await check(await offerPdf({ ...coop, supervisor: 'You will report to Dana Whitfield, Engineering Manager (dana.whitfield@larkspur-robotics.example).' }, { imageUnderClosing: true }), profile);
      expect(codes(noPhone)).toContain('SUPERVISOR_CONTACT_MISSING');
      const typed = await check(await offerPdf(coop), profile);
      expect(codes(typed)).toContain('SIGNATURE_TYPED_ONLY');
      for (const report of [hybrid, noPhone, typed]) expect(report.verdict).toBe('incomplete');
    });
  });

  describe('cpt-community-college: PDF or Word, paid, 5 business days, relation to the program', () => {
    const profile = 'cpt-community-college';
    it('passes a PDF with the relation, starting months away', async () => {
      const report = await check(await offerPdf({ extra: [RELATION] }), profile);
      expect(report.verdict).toBe('complete');
    });
    it('refuses a text file, an unpaid position and a start 3 business days away', async () => {
      const text = await check(offerText({ extra: [RELATION] }), profile);
      expect(codes(text)).toContain('FORMAT_NOT_ACCEPTED');
      const unpaid = await check(await offerPdf({ extra: [RELATION], pay: 'This is an unpaid internship.' }), profile);
      expect(unpaid.findings).toContainEqual(expect.objectContaining({ code: 'PAY_UNPAID', severity: 'error' }));
      const soon = await check(await offerPdf({ extra: [RELATION], start: 'March 10, 2027', end: 'May 28, 2027' }), profile);
      expect(codes(soon)).toContain('START_TOO_SOON');
      for (const report of [text, unpaid, soon]) expect(report.verdict).toBe('incomplete');
    });
  });
});
