/**
 * Bullet and number marks that open a list item: as typed ("•", "-", "1.", "(a)"), and as OCR reads a
 * bullet ("«", "+", "¢", "e" before a capitalized word). The one definition of a list marker, for
 * the readers that find list items and the detectors that read lines.
 */
const MARKER = /^(?:[•●◦▪▫■□‣⁃∙·○*►➢✓✔-]|–|—|o(?=\s)|[«»+¢®©‘’°](?=\s)|[ec](?=\s+\p{Lu}\p{Ll})|\(?\d{1,2}[.)]|\(?[a-h][.)])\s*(?=\S)/u;

/** The marker and the item's text of a list line ("• Build dashboards"); null for any other line. */
export function splitListMarker(text: string): { marker: string; text: string } | null {
  // A rule of dashes is no bullet ("-----Original Message-----", "---------- Forwarded message ---------", "-- ").
  if (/^[-–—_=~]{2}/.test(text)) return null;
  const m = MARKER.exec(text);
  if (!m) return null;
  // A dollar amount or a decimal is not a numbered item ("1. " vs "1.5 hours").
  if (/^\d+[.)]\d/.test(text)) return null;
  const rest = text.slice(m[0].length).trim();
  return rest ? { marker: m[0].trim(), text: rest } : null;
}
