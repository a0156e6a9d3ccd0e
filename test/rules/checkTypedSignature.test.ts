import { describe, expect, it } from 'vitest';
import { checkTypedSignature } from '../../src/rules/checkTypedSignature.js';
import { PROFILES, contextOf, withValue } from './letterFacts.js';

const typed = withValue('signature', { kind: 'typed', signer: 'Dana Whitfield' });

describe('checkTypedSignature', () => {
  it('accepts a typed name under cpt', () => {
    expect(checkTypedSignature(contextOf({ elements: typed }))).toEqual([]);
  });

  it('is an error under cpt-strict, naming the signer', () => {
    const findings = checkTypedSignature(contextOf({ profile: PROFILES.strict, elements: typed }));
    expect(findings).toEqual([expect.objectContaining({ code: 'SIGNATURE_TYPED_ONLY', severity: 'error', element: 'signature' })]);
    expect(findings[0].message).toContain('Dana Whitfield');
  });

  it.each(['image', 'electronic'] as const)('accepts an %s signature under cpt-strict', (kind) => {
    expect(checkTypedSignature(contextOf({ profile: PROFILES.strict, elements: withValue('signature', { kind, signer: null }) }))).toEqual([]);
  });
});
