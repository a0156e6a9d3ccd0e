import { describe, expect, it } from 'vitest';
import { checkAcceptedFormats } from '../../src/rules/checkAcceptedFormats.js';
import { contextOf, followUpEmail, letterDocument, profileWith } from './letterFacts.js';

const pdfOnly = profileWith({ rules: { acceptedFormats: ['pdf'] } });

describe('checkAcceptedFormats', () => {
  it('takes any kind of file when the profile names none', () => {
    expect(checkAcceptedFormats(contextOf({ documents: [letterDocument({ kind: 'image', mediaType: 'image/jpeg' })] }))).toEqual([]);
  });

  it('passes a PDF letter where the office takes PDF only', () => {
    expect(checkAcceptedFormats(contextOf({ profile: pdfOnly }))).toEqual([]);
  });

  it('refuses a Word letter where the office takes PDF only, saying what to send', () => {
    const findings = checkAcceptedFormats(contextOf({ profile: pdfOnly, documents: [letterDocument({ kind: 'docx', fileName: 'offer.docx' })] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'FORMAT_NOT_ACCEPTED', severity: 'error', element: null })]);
    expect(findings[0].message).toContain('the letter is a Word document');
    expect(findings[0].message).toContain('a PDF');
  });

  it('judges every document of a case, naming the one refused', () => {
    const findings = checkAcceptedFormats(contextOf({ profile: pdfOnly, documents: [letterDocument(), followUpEmail(1, 'dana@acmerobotics.example')] }));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('document 2 (followup-1.eml) is an email');
  });
});
