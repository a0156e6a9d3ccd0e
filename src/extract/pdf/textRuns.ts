/**
 * pdf.js text items as runs of text placed on the page as a reader sees it: points from the page's
 * top left corner, the page's /Rotate applied (the viewport's transform does both).
 */

/** The part of a pdf.js TextItem the layout reads (a TextMarkedContent item has no `str`). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

export interface PdfTextStyle {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

export interface PdfTextContent {
  items: ReadonlyArray<PdfTextItem | { type: string }>;
  styles: Readonly<Record<string, PdfTextStyle>>;
}

/** What the layout needs of a pdf.js page viewport at scale 1. */
export interface PdfViewport {
  width: number;
  height: number;
  /** User space to viewport space (y down, rotation applied): [a, b, c, d, e, f]. */
  transform: number[];
}

export interface TextRun {
  /** The item's text, whitespace inside it kept (a run is often several words). */
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** Font size in points: the text matrix's vertical scale. */
  size: number;
  /** pdf.js's name for the font (g_d0_f1): the same name is the same font on every page. */
  font: string;
  /** A whitespace item came just before it in the content stream: a word ends there, whatever the gap. */
  spaceBefore: boolean;
  /** Text that runs left to right along the page; rotated or vertical text is laid out on its own. */
  upright: boolean;
  /** Drawn twice at (almost) the same place: how some producers fake bold. */
  doubled: boolean;
  /** OCR's confidence in the word, 0..1, where the run is a word OCR read (pageFromOcr); absent for a text layer. */
  confidence?: number;
}

// Used where a font reports no ascent or descent (an error font, some Type3 fonts).
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;

/** The text runs of a page, in content-stream order; whitespace-only items only mark the next run. */
export function textRunsOf(content: PdfTextContent, viewport: PdfViewport): TextRun[] {
  const [va, vb, vc, vd, ve, vf] = viewport.transform;
  const runs: TextRun[] = [];
  let spaceBefore = false;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = item.str;
    if (!/\S/.test(text)) {
      // "" with hasEOL marks a line end; " " is a space pdf.js kept as its own item.
      spaceBefore ||= text.length > 0;
      continue;
    }
    const [a, b, c, d, e, f] = item.transform;
    // The item's matrix in viewport space: origin on the baseline, (m0, m1) along it, (m2, m3) up.
    const m0 = va * a + vc * b;
    const m1 = vb * a + vd * b;
    const m2 = va * c + vc * d;
    const m3 = vb * c + vd * d;
    const x = va * e + vc * f + ve;
    const y = vb * e + vd * f + vf;
    const size = Math.hypot(m2, m3) || item.height || 1;
    const style = content.styles[item.fontName] ?? {};
    const ascent = style.ascent || DEFAULT_ASCENT;
    const descent = style.descent || DEFAULT_DESCENT;
    const upright = !style.vertical && m0 > 0 && Math.abs(m1) <= 0.02 * m0 && m3 < 0 && Math.abs(m2) <= 0.02 * -m3;
    if (upright) {
      const x1 = x + item.width;
      runs.push({ text, x0: Math.min(x, x1), x1: Math.max(x, x1), top: y - ascent * size, bottom: y - descent * size, baseline: y, size, font: item.fontName, spaceBefore, upright, doubled: false });
    } else {
      // Rotated text: the box around the item's four corners, laid out as a line of its own.
      const length = style.vertical ? item.height : item.width;
      const along = Math.hypot(m0, m1) || 1;
      const ux = (m0 / along) * length;
      const uy = (m1 / along) * length;
      const up = Math.hypot(m2, m3) || 1;
      const hx = (m2 / up) * size;
      const hy = (m3 / up) * size;
      const xs = [x, x + ux, x + hx * ascent, x + ux + hx * ascent, x + hx * descent, x + ux + hx * descent];
      const ys = [y, y + uy, y + hy * ascent, y + uy + hy * ascent, y + hy * descent, y + uy + hy * descent];
      const bottom = Math.max(...ys);
      runs.push({ text, x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom, baseline: bottom, size, font: item.fontName, spaceBefore, upright, doubled: false });
    }
    spaceBefore = false;
  }
  return runs;
}
