import { describe, expect, it } from 'vitest';
import { checkSignatureKind } from '../../src/rules/checkSignatureKind.js';
import { contextOf, letterDocument, profileWith, withValue } from './letterFacts.js';

const handOrVerified = profileWith({ rules: { acceptedSignatures: ['handwritten', 'verified-electronic'] } });
const electronicOnly = profileWith({ rules: { acceptedSignatures: ['electronic'] } });
const typed = withValue('signature', { kind: 'typed', signer: 'Dana Whitfield' });
const electronic = withValue('signature', { kind: 'electronic', signer: 'Dana Whitfield' });
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('checkSignatureKind', () => {
  it('accepts any signature when the profile names no kinds', () => {
    expect(checkSignatureKind(contextOf({ elements: typed }))).toEqual([]);
  });

  it('passes a handwritten signature, refuses a typed name', () => {
    expect(checkSignatureKind(contextOf({ profile: handOrVerified }))).toEqual([]);
    const findings = checkSignatureKind(contextOf({ profile: handOrVerified, elements: typed }));
    expect(findings).toEqual([expect.objectContaining({ code: 'SIGNATURE_TYPED_ONLY', severity: 'error', element: 'signature' })]);
    expect(findings[0].message).toContain('Dana Whitfield');
  });

  it('leaves a typed name to typedSignature when the profile judges it there', () => {
    const both = profileWith({ rules: { acceptedSignatures: ['handwritten'], typedSignature: 'error' } });
    expect(checkSignatureKind(contextOf({ profile: both, elements: typed }))).toEqual([]);
  });

  it('takes an e-signature only with a mark of a verifying service', () => {
    expect(codes(checkSignatureKind(contextOf({ profile: handOrVerified, elements: electronic })))).toEqual(['SIGNATURE_NOT_VERIFIED']);
    const docusigned = [letterDocument({ verifiedSignature: [{ how: 'service', what: 'DocuSign Envelope ID', signer: null }] })];
    expect(checkSignatureKind(contextOf({ profile: handOrVerified, elements: electronic, documents: docusigned }))).toEqual([]);
    const certified = [letterDocument({ verifiedSignature: [{ how: 'certificate', what: 'a PDF digital signature', signer: 'Dana Whitfield' }] })];
    expect(checkSignatureKind(contextOf({ profile: handOrVerified, elements: electronic, documents: certified }))).toEqual([]);
  });

  it('looks for the mark on the document the signature came from', () => {
    const docusignedFollowUp = [
      letterDocument(),
      { ...letterDocument({ index: 1, role: 'follow-up', fileName: 'signed.pdf' }), verifiedSignature: [{ how: 'service' as const, what: 'DocuSign Envelope ID', signer: null }] },
    ];
    expect(codes(checkSignatureKind(contextOf({ profile: handOrVerified, elements: electronic, documents: docusignedFollowUp })))).toEqual(['SIGNATURE_NOT_VERIFIED']);
    expect(checkSignatureKind(contextOf({ profile: handOrVerified, elements: electronic, documents: docusignedFollowUp, merge: { sources: { signature: 1 } } }))).toEqual([]);
  });

  it('refuses a handwritten signature where only e-signatures are taken', () => {
    expect(codes(checkSignatureKind(contextOf({ profile: electronicOnly })))).toEqual(['SIGNATURE_KIND_NOT_ACCEPTED']);
    expect(checkSignatureKind(contextOf({ profile: electronicOnly, elements: electronic }))).toEqual([]);
  });
});
