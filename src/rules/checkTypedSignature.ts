import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** Schools that want the employer's real signature (a drawn or scanned image, or an electronic-signature block), not just a typed name. */
export const checkTypedSignature: Rule = ({ elements, profile }) => {
  const level = profile.rules.typedSignature;
  const signature = readElement(elements, 'signature');
  if (level === 'accept' || !signature || signature.kind !== 'typed') return [];
  return [
    {
      code: 'SIGNATURE_TYPED_ONLY',
      severity: level,
      element: 'signature',
      message: `The letter ends with a typed name${signature.signer ? ` (${signature.signer})` : ''} but no signature. This school needs the letter signed by the employer, by hand or with an electronic signature.`,
      review: level === 'warning',
    },
  ];
};
