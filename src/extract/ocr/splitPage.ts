import sharp from 'sharp';

// A page is split only where a band of blank paper runs the full width, no nearer the top or
// bottom than this (two halves of similar size finish together).
const CUT_WITHIN = [0.3, 0.7] as const;
// The blank band must be at least this tall: a paragraph gap, not the space between two lines.
// At 300 dpi a 12 pt line is ~50 px from baseline to baseline, with ~25 px of white between lines.
const MIN_GAP_PX = 30;
// Rows are measured on a copy this many times smaller: a gap of 30 px is still 7 rows.
const SHRINK = 4;
// A row with this share of dark pixels or less is blank paper (specks and scanner dust allowed).
const BLANK_ROW_INK = 0.002;

/**
 * Cuts a prepared page in two across a blank band near its middle, so that two OCR workers can
 * read the halves at once: recognition of one page is single-threaded, and an idle pool would
 * otherwise leave a core unused while a student waits. Text never straddles the cut, because the
 * cut runs through a full-width band of paper at least a paragraph gap tall.
 * `cutAt` is the first row of the lower band, by which its boxes move down when the two are joined.
 * null when the page has no such band (a page of dense text, a table ruled top to bottom).
 */
export async function splitPage(png: Buffer, width: number, height: number): Promise<{ bands: [Buffer, Buffer]; cutAt: number } | null> {
  const small = await sharp(png)
    .resize({ width: Math.max(1, Math.round(width / SHRINK)), height: Math.max(1, Math.round(height / SHRINK)), fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const cut = findBlankBand(small.data, small.info.width, small.info.height);
  if (cut === null) return null;
  const at = Math.min(height - 1, Math.max(1, Math.round((cut / small.info.height) * height)));
  const band = (top: number, bandHeight: number) =>
    sharp(png).extract({ left: 0, top, width, height: bandHeight }).toColourspace('b-w').png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
  const bands = await Promise.all([band(0, at), band(at, height - at)]);
  return { bands, cutAt: at };
}

/** The middle row of the blank band nearest the page's middle, on a grayscale image; null if none is tall enough. */
export function findBlankBand(gray: Uint8Array, width: number, height: number): number | null {
  const minRows = Math.ceil(MIN_GAP_PX / SHRINK);
  const blank = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let ink = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) if (gray[row + x] < 160) ink++;
    blank[y] = ink <= width * BLANK_ROW_INK ? 1 : 0;
  }
  const middle = height / 2;
  let best: number | null = null;
  for (let y = 0; y < height; ) {
    if (!blank[y]) {
      y++;
      continue;
    }
    let end = y;
    while (end < height && blank[end]) end++;
    const centre = Math.floor((y + end) / 2);
    const inRange = centre >= height * CUT_WITHIN[0] && centre <= height * CUT_WITHIN[1];
    // Paper runs on above the first line and below the last: those are margins, not gaps.
    const inside = y > 0 && end < height;
    if (end - y >= minRows && inRange && inside && (best === null || Math.abs(centre - middle) < Math.abs(best - middle))) best = centre;
    y = end;
  }
  return best;
}
