import type { FoundElements } from '../fields/findElements.js';
import type { FoundElement } from '../fields/shared/foundElement.js';
import { ELEMENT_NAMES, type DocumentRef, type ElementName } from '../report/index.js';
import type { CaseEvidence, CaseMerge, Disagreement, ElementReading } from './caseFacts.js';
import { isComparedElement, sameElementValue, type ComparedElement } from './sameElementValue.js';

/** One document's elements, as its detectors found them. */
export interface DocumentElements {
  document: DocumentRef;
  elements: FoundElements;
  /** A follow-up sent from a free-mail address (gmail.com...): it never stands for the company's letterhead. */
  freeMailFollowUp: boolean;
}

type AnyElement = FoundElement<ElementName>;

/**
 * Facts about the letter itself, which a later document cannot state for it: a follow-up email's
 * date is the email's, not the letter's (and the letter's age and the start after it are judged
 * from the letter's date).
 */
const LETTER_ONLY: readonly ElementName[] = ['letter_date'];

/** "document 2 (followup.eml)": how messages and traces name a document; counted from 1 for people. */
export function nameOfDocument(document: DocumentRef): string {
  return `document ${document.index + 1}${document.fileName ? ` (${document.fileName})` : ''}`;
}

function tagged(element: AnyElement, document: DocumentRef): AnyElement {
  return { ...element, evidence: element.evidence.map((e): CaseEvidence => ({ ...e, document })) } as AnyElement;
}

/** Whether a document's reading of an element may stand for the case's. */
function usable(name: ElementName, reading: DocumentElements): boolean {
  return !(name === 'letterhead' && reading.freeMailFollowUp);
}

/**
 * The case's elements from each document's (the letter first): each element from the letter when
 * the letter states it, else from the first follow-up that states it; an element read but not
 * usable as it stands (uncertain, invalid) is taken only when no document states it plainly.
 * Where two documents state different values for a fact (a start date, the pay), both readings
 * are kept as a disagreement for the rules, and the element quotes both. One document: its
 * elements as they are, each quote naming it.
 */
export function mergeCase(documents: readonly DocumentElements[]): CaseMerge {
  if (documents.length === 0) throw new Error('mergeCase: a case has at least one document');
  const elements = {} as Record<ElementName, AnyElement>;
  const sources = {} as Record<ElementName, number | null>;
  const disagreements: Disagreement[] = [];

  for (const name of ELEMENT_NAMES) {
    const readings = documents.map((d) => ({ reading: d, element: tagged(d.elements[name] as AnyElement, d.document) }));
    const stated = readings.filter((r) => r.element.status !== 'missing' && usable(name, r.reading) && (r.reading.document.index === 0 || !LETTER_ONLY.includes(name)));
    const chosen = stated.find((r) => r.element.status === 'present') ?? stated[0] ?? readings[0];
    let element = chosen.element;
    const trace = [...element.trace];
    if (chosen.reading.document.index !== 0) {
      trace.push(`taken from ${nameOfDocument(chosen.reading.document)}: the letter ${readings[0].element.status === 'missing' ? 'does not state it' : `reads it as ${readings[0].element.status}`}`);
    }
    if (name === 'letterhead' && readings.some((r) => r.reading.freeMailFollowUp && r.element.status !== 'missing')) {
      trace.push('a follow-up sent from a free-mail address does not count as official');
    }

    if (isComparedElement(name)) {
      // A reading the detector found unacceptable (hours of 0) is no statement to weigh against another.
      const disagreement = disagreementOn(name, stated.filter((r) => r.element.status !== 'invalid'));
      if (disagreement) {
        disagreements.push(disagreement);
        const others = disagreement.readings.filter((r) => r.document.index !== chosen.reading.document.index);
        element = { ...element, evidence: [...element.evidence, ...others.flatMap((r) => r.evidence)] } as AnyElement;
        trace.push(`${others.map((r) => nameOfDocument(r.document)).join(' and ')} ${others.length === 1 ? 'states' : 'state'} another value`);
      }
    }
    elements[name] = { ...element, trace } as AnyElement;
    sources[name] = chosen.element.status === 'missing' ? null : chosen.reading.document.index;
  }
  return { elements: elements as FoundElements, sources, disagreements };
}

/** The distinct values the documents state for an element, the first document to state each; null when they agree. */
function disagreementOn(name: ComparedElement, stated: { reading: DocumentElements; element: AnyElement }[]): Disagreement | null {
  const distinct: ElementReading[] = [];
  for (const { reading, element } of stated) {
    if (element.value === null || element.value === undefined) continue;
    const value = element.value as never;
    if (distinct.some((d) => sameElementValue(name, d.value as never, value))) continue;
    distinct.push({ document: reading.document, value, evidence: element.evidence as CaseEvidence[] });
  }
  return distinct.length > 1 ? { element: name, readings: distinct } : null;
}
