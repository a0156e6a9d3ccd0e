/**
 * A case: the documents one student sends for one check (the offer letter, then follow-up emails,
 * an addendum, a page photographed apart). Each document is read on its own; these are the facts
 * about the case that the rules read besides the merged elements. Types only.
 */
import type { DocumentKind } from '../ingest/detectMediaType.js';
import type { FoundElements } from '../fields/findElements.js';
import type { FoundEvidence } from '../fields/shared/foundElement.js';
import type { DocumentRef, ElementName } from '../report/index.js';

/** A mark that a signature was made through a service that verifies the signer's identity. */
export interface VerifiedSignatureMark {
  /** certificate: a PDF signature dictionary (/Type /Sig with /ByteRange); service: a signing service's stamp in the text. */
  how: 'certificate' | 'service';
  /** What was seen, in words for a message: "a PDF digital signature (adbe.pkcs7.detached)", "DocuSign Envelope ID". */
  what: string;
  /** For a certificate: the signer's name as the signature dictionary gives it, when it does. */
  signer: string | null;
}

/** What the rules know of one document besides the elements read from it. */
export interface DocumentFacts {
  index: number;
  fileName: string | null;
  role: 'letter' | 'follow-up';
  kind: DocumentKind;
  mediaType: string;
  /** An email's From address; null for anything else. */
  sender: string | null;
  verifiedSignature: VerifiedSignatureMark[];
}

/** A detector's evidence, placed, with the document it was read from. */
export type CaseEvidence = FoundEvidence & { document: DocumentRef };

/** One document's reading of an element that another document reads differently. */
export interface ElementReading {
  document: DocumentRef;
  value: unknown;
  evidence: CaseEvidence[];
}

/** Two or more documents state different values for one element (two start dates, two pay rates). */
export interface Disagreement {
  element: ElementName;
  /** One reading per document that states the element, the letter's first. */
  readings: ElementReading[];
}

/** How the documents' elements were combined into the case's. */
export interface CaseMerge {
  elements: FoundElements;
  /** The document each element was taken from; null where no document states it. */
  sources: Record<ElementName, number | null>;
  disagreements: Disagreement[];
}
