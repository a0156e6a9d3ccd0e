/**
 * A post-office box: "PO Box 12", "P.O. Box", "Post Office Box", "Postal Box", "POB 12", and a bare
 * "Box 12". The one definition, for the address reader (a box is a mailing address, not a street)
 * and for the rule that refuses one as a work site.
 */
export const PO_BOX = /\b(?:P\.?\s?O\.?\s*Box\b|P\.\s*O\.\s*B\.|POB\b|Post(?:al)?\s+(?:Office\s+)?Box\b)(?:\s*#?\s*\d+)?|\bBox\s*#?\s*\d+/i;

/** The box written in a text, if any. */
export function findPoBox(text: string): string | null {
  return PO_BOX.exec(text)?.[0].trim() ?? null;
}
