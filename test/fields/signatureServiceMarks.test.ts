import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../src/fields/letter.js';
import { findSignatureServiceMarks } from '../../src/fields/signatureServiceMarks.js';

const marks = (text: string) => findSignatureServiceMarks(letterFromText(text));

describe('findSignatureServiceMarks', () => {
  it('finds the stamps of identity-verifying signing services', () => {
    expect(marks('DocuSign Envelope ID: 4F1A2B3C-1D2E-4F5A-9B8C-7D6E5F4A3B2C\nDear Ana,')).toEqual(['DocuSign Envelope ID']);
    expect(marks('Signed with Adobe Acrobat Sign. Transaction ID: CBJCHBCAABAAq1x2y3z4w5v6')).toEqual(['Adobe Acrobat Sign transaction']);
    expect(marks('Dropbox Sign document ID: 0f3c2a1b9e8d7c6b')).toEqual(['Dropbox Sign document ID']);
  });

  it('finds none in a typed or "/s/" signature, or in a mention of a service', () => {
    expect(marks('Sincerely,\n/s/ Marcus Bell\nDirector of Engineering')).toEqual([]);
    expect(marks('Please sign the offer with DocuSign by Friday.')).toEqual([]);
  });
});
