import type { Letter } from './letter.js';

/**
 * The stamps signing services print on the documents they sign, naming the envelope or
 * transaction that records who signed and how the service checked their identity. Schools that
 * take an electronic signature only "through an identity-verifying service" look for these; a
 * typed "/s/ Dana Whitfield" or the words "signed electronically" carry none.
 *
 * Not an element: the signature element says how the letter is signed; this says whether an
 * electronic signature is backed by a service's record. Each pattern is a single pass over a line.
 */
const SERVICE_MARKS: { service: string; pattern: RegExp }[] = [
  // "DocuSign Envelope ID: 4F1A2B3C-1D2E-4F5A-9B8C-7D6E5F4A3B2C", printed at the top of every page.
  { service: 'DocuSign Envelope ID', pattern: /\bdocu\s?sign\s+envelope\s+id\b/iu },
  // Adobe Acrobat Sign (formerly EchoSign): transaction ids begin "CBJCHB"; its audit report names the transaction.
  { service: 'Adobe Acrobat Sign transaction', pattern: /\bCBJCHB[A-Za-z0-9_-]{8,}|\b(?:adobe\s+(?:acrobat\s+)?sign|echosign)\b.{0,60}\btransaction\s+(?:id|number)\b/iu },
  // Dropbox Sign (formerly HelloSign): its audit trail and footer name the document or request.
  { service: 'Dropbox Sign document ID', pattern: /\b(?:dropbox\s+sign|hellosign)\b.{0,60}\b(?:document|signature\s+request)\s+id\b/iu },
];

/** The signing services whose stamp the letter carries, each named once, in the order listed above. */
export function findSignatureServiceMarks(letter: Letter): string[] {
  const found = new Set<string>();
  for (const page of letter.pages) {
    for (const line of page.text.split('\n')) {
      // A stamp is one short line; a line longer than a page's width is no stamp to look into.
      if (line.length > 400) continue;
      for (const { service, pattern } of SERVICE_MARKS) if (pattern.test(line)) found.add(service);
    }
  }
  return SERVICE_MARKS.map((m) => m.service).filter((s) => found.has(s));
}
