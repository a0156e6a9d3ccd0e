import { readElement } from './shared/readElement.js';
import type { Rule, RuleFinding } from './ruleContext.js';

/**
 * The kinds of signature an office accepts: a handwritten (drawn or scanned) signature, an
 * e-signature, an e-signature only through an identity-verifying service (the PDF's certificate
 * or a signing service's stamp), a typed name. A typed name the profile already judges with
 * `typedSignature` is left to that rule.
 */
export const checkSignatureKind: Rule = ({ elements, profile, documents, merge }) => {
  const accepted = profile.rules.acceptedSignatures;
  const signature = readElement(elements, 'signature');
  if (!accepted || !signature) return [];
  const by = signature.signer ? ` by ${signature.signer}` : '';
  const takes = accepted.map((k) => ({ handwritten: 'a handwritten or scanned signature', 'verified-electronic': 'an electronic signature through an identity-verifying service', electronic: 'an electronic signature', typed: 'a typed name' })[k]).join(', ');
  const refuse = (code: RuleFinding['code'], what: string): RuleFinding[] => [
    { code, severity: 'error', element: 'signature', message: `The letter is ${what}${by}. This office accepts ${takes}; ask the employer to sign the letter that way.` },
  ];
  switch (signature.kind) {
    case 'image':
      return accepted.includes('handwritten') ? [] : refuse('SIGNATURE_KIND_NOT_ACCEPTED', 'signed by hand (a drawn or scanned signature)');
    case 'typed':
      if (accepted.includes('typed') || profile.rules.typedSignature !== 'accept') return [];
      return refuse('SIGNATURE_TYPED_ONLY', 'not signed: it ends with a typed name');
    case 'electronic': {
      if (accepted.includes('electronic')) return [];
      if (!accepted.includes('verified-electronic')) return refuse('SIGNATURE_KIND_NOT_ACCEPTED', 'signed electronically');
      const source = documents.find((d) => d.index === (merge.sources.signature ?? 0));
      if (source && source.verifiedSignature.length > 0) return [];
      return refuse(
        'SIGNATURE_NOT_VERIFIED',
        'signed electronically, but with no mark of a service that verifies who signed (no PDF digital signature, no DocuSign, Adobe Acrobat Sign or Dropbox Sign record)',
      );
    }
  }
};
