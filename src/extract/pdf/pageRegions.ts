import type { Region } from '../../document/letterDocument.js';
import { linesOf, rectOf, type LayoutBlock, type PdfPageLayout, type Rect } from './pdfPageLayout.js';
import { maxOf, minOf, type Segment } from './visualLines.js';

// The bands where a page's furniture sits, as fractions of the page's height.
const TOP_BAND = 0.25;
const BOTTOM_BAND = 0.15;
// A clear gap: at least this many body font sizes of white space, about one blank line.
const CLEAR_GAP = 1.2;
// Typography that sets a letterhead or a footer apart from the body text.
const LARGER = 1.15;
const SMALLER = 0.9;

/**
 * The region of every block of every page (same order as the layouts' blocks). The rule is the
 * page's geometry and typography, never its words:
 * - header: the blocks at the top of a page down to the first clear gap (about a blank line of
 *   white space), when they all sit in the top quarter of the page and their type is set apart
 *   from the body: on the first page of a document, a line larger or bold (a letterhead's name) or
 *   a block in small type (its address lines); on later pages, small type throughout (a running
 *   head). On the first page, when no
 *   clear gap comes early, the leading blocks that are larger or bold. Lines repeated at the top of
 *   several pages (numbers aside) are header wherever they fall in the top band.
 * - footer: the blocks at the bottom of a page up from the first clear gap, when they sit in the
 *   bottom 15% and are small type, repeated at the bottom of several pages, or a narrow centred
 *   line (a page number).
 * - body: everything else. A picture in the top band with no body text above it is header (a
 *   logo); one level with the footer's text or below it is footer; any other (a signature) is body.
 * `firstPages` marks the pages that open a document (page 1, and the first page of each attachment).
 */
export function pageRegions(pages: readonly PdfPageLayout[], firstPages: ReadonlySet<number>, bold: (line: Segment) => boolean | null = () => null): Region[][] {
  const body = bodySize(pages);
  const repeated = repeatedLines(pages);
  return pages.map((page, index) => {
    const regions: Region[] = page.blocks.map(() => 'body');
    const text = page.blocks.map((b, i) => ({ block: b, i, rect: rectOf(b) })).filter((b) => b.block.kind !== 'picture');
    if (text.length === 0) return regions.map((_, i) => (page.blocks[i].kind === 'picture' && rectOf(page.blocks[i]).bottom <= TOP_BAND * page.height ? 'header' : 'body'));
    const isRepeated = (block: LayoutBlock) => repeated.size > 0 && linesOf(block).every((l) => repeated.has(keyOf(l)));
    const larger = (block: LayoutBlock) => linesOf(block).some((l) => l.size >= LARGER * body || bold(l) === true);
    const smaller = (block: LayoutBlock) => linesOf(block).every((l) => l.size <= SMALLER * body);

    const fromTop = [...text].sort((a, b) => a.rect.top - b.rect.top);
    const top = clusterOf(fromTop, (b) => b.rect.top, (b) => b.rect.bottom, body);
    const topFits =
      maxOf(top, (b) => b.rect.bottom) <= TOP_BAND * page.height &&
      (firstPages.has(index)
        ? top.some((b) => larger(b.block) || smaller(b.block) || isRepeated(b.block))
        : top.every((b) => smaller(b.block) || isRepeated(b.block)));
    const header = new Set<number>(topFits ? top.map((b) => b.i) : []);
    if (!topFits && firstPages.has(index)) {
      for (const b of fromTop) {
        if (b.rect.top > TOP_BAND * page.height || !larger(b.block)) break;
        header.add(b.i);
      }
    }
    for (const b of text) if (b.rect.bottom <= TOP_BAND * page.height && isRepeated(b.block)) header.add(b.i);

    const fromBottom = [...text].sort((a, b) => b.rect.bottom - a.rect.bottom);
    const bottom = clusterOf(fromBottom, (b) => -b.rect.bottom, (b) => -b.rect.top, body);
    const pageNumberLike = (r: Rect) => r.x1 - r.x0 <= 0.2 * page.width && Math.abs((r.x0 + r.x1) / 2 - page.width / 2) <= 0.05 * page.width;
    const bottomFits =
      minOf(bottom, (b) => b.rect.top) >= (1 - BOTTOM_BAND) * page.height &&
      bottom.every((b) => smaller(b.block) || isRepeated(b.block) || pageNumberLike(b.rect));
    const footer = new Set<number>(bottomFits ? bottom.map((b) => b.i) : []);
    for (const b of text) if (b.rect.top >= (1 - BOTTOM_BAND) * page.height && isRepeated(b.block)) footer.add(b.i);

    for (const i of header) regions[i] = 'header';
    for (const i of footer) if (!header.has(i)) regions[i] = 'footer';
    const bodyRects = text.filter((b) => regions[b.i] === 'body').map((b) => b.rect);
    const footerRects = text.filter((b) => regions[b.i] === 'footer').map((b) => b.rect.top);
    const footerTop = footerRects.length ? minOf(footerRects, (t) => t) : null;
    page.blocks.forEach((block, i) => {
      if (block.kind !== 'picture') return;
      const r = block.rect;
      if (r.bottom <= TOP_BAND * page.height && bodyRects.every((b) => b.top >= r.top)) regions[i] = 'header';
      else if (footerTop !== null && r.top >= footerTop - CLEAR_GAP * body) regions[i] = 'footer';
    });
    return regions;
  });
}

interface Placed {
  block: LayoutBlock;
  i: number;
  rect: Rect;
}

/**
 * The blocks from the first one on, in the given order, up to the first clear gap. `near` is a
 * block's edge facing the cluster (its top, coming down the page) and `far` its other edge, both
 * measured into the page (negated coming up from the bottom).
 */
function clusterOf(ordered: Placed[], near: (p: Placed) => number, far: (p: Placed) => number, body: number): Placed[] {
  const out = [ordered[0]];
  let reach = far(ordered[0]);
  for (const next of ordered.slice(1)) {
    if (near(next) - reach >= CLEAR_GAP * body) break;
    out.push(next);
    reach = Math.max(reach, far(next));
  }
  return out;
}

/** The font size most of the document's characters have. */
function bodySize(pages: readonly PdfPageLayout[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const block of page.blocks) {
      for (const line of linesOf(block)) {
        const size = Math.round(line.size * 2) / 2;
        weight.set(size, (weight.get(size) ?? 0) + line.words.reduce((n, w) => n + w.text.length, 0));
      }
    }
  }
  let best = 10;
  let most = 0;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

function keyOf(line: Segment): string {
  return line.words
    .map((w) => w.text)
    .join(' ')
    .replace(/\d+/g, '#');
}

/** Lines (numbers aside) found in the top or bottom band of two pages or more. */
function repeatedLines(pages: readonly PdfPageLayout[]): Set<string> {
  if (pages.length < 2) return new Set();
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const block of page.blocks) {
      for (const line of linesOf(block)) {
        if (line.bottom <= TOP_BAND * page.height || line.top >= (1 - BOTTOM_BAND) * page.height) keys.add(keyOf(line));
      }
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([key]) => key));
}
