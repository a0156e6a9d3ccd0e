import type { Box, Span } from '../../document/letterDocument.js';
import type { Elements } from '../../report/index.js';

/**
 * A detector's evidence: the page and the quote, and where the detector knows it, the span it read
 * the quote from. findElements places it (placeEvidence): the exact text at the span and its box
 * on the page.
 */
export interface FoundEvidence {
  page: number;
  quote: string;
  span?: Span;
  box?: Box | null;
}

/** What a field module returns: the element without `required`, which the profile decides later. */
export type FoundElement<K extends keyof Elements> = Omit<Elements[K], 'required' | 'evidence'> & { evidence: FoundEvidence[] };

type Value<K extends keyof Elements> = NonNullable<Elements[K]['value']>;

export function present<K extends keyof Elements>(
  value: Value<K>,
  evidence: FoundEvidence[],
  confidence: number,
  trace: string[] = [],
): FoundElement<K> {
  return { status: 'present', value, evidence, confidence, fix: null, trace } as unknown as FoundElement<K>;
}

export function missing<K extends keyof Elements>(fix: string, trace: string[] = []): FoundElement<K> {
  return { status: 'missing', value: null, evidence: [], confidence: 1, fix, trace } as unknown as FoundElement<K>;
}

/** Found, but unacceptable as it stands (a PO Box as the work site, hours of 0). */
export function invalid<K extends keyof Elements>(
  value: Value<K> | null,
  evidence: FoundEvidence[],
  fix: string,
  trace: string[] = [],
): FoundElement<K> {
  return { status: 'invalid', value, evidence, confidence: 1, fix, trace } as unknown as FoundElement<K>;
}
