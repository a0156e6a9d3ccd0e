import type { FoundElement } from '../fields/shared/foundElement.js';
import type { CaseMerge, DocumentFacts } from './caseFacts.js';

/**
 * A PDF signed with a certificate (a signature dictionary, src/ingest/findPdfSignatures.ts) is
 * signed electronically, whatever its text shows: the signature's visible stamp is drawn in a
 * form field that the text layer does not carry, so the detectors may read only a typed name, or
 * no signature at all. The signature element of the document that carries the certificate (the
 * letter, where no document states a signature) becomes an electronic signature; a drawn or
 * scanned signature stays what it is.
 */
export function withDigitalSignature(merge: CaseMerge, documents: readonly DocumentFacts[]): CaseMerge {
  const signature = merge.elements.signature;
  const sourceIndex = merge.sources.signature ?? 0;
  const certificate = documents.find((d) => d.index === sourceIndex)?.verifiedSignature.find((m) => m.how === 'certificate');
  if (!certificate) return merge;
  const value = signature.status === 'missing' ? null : signature.value;
  if (value?.kind === 'image' || (value?.kind === 'electronic' && signature.status === 'present')) return merge;
  const signer = value?.signer ?? certificate.signer;
  const upgraded = {
    ...signature,
    status: 'present',
    value: { kind: 'electronic', signer },
    confidence: Math.max(signature.status === 'missing' ? 0 : signature.confidence, 0.9),
    fix: null,
    trace: [...signature.trace, `the PDF carries ${certificate.what}: signed electronically with a certificate`],
  } as FoundElement<'signature'>;
  return { ...merge, elements: { ...merge.elements, signature: upgraded }, sources: { ...merge.sources, signature: sourceIndex } };
}
