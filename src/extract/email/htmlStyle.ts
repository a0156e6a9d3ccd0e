/**
 * What an HTML email's inline styles and legacy attributes say about how a piece of text looks:
 * hidden or not, bold, its size in points, whether it is set apart by a vertical margin. Email
 * clients drop <style> sheets often enough that senders put all of this inline, so inline styles
 * and the attributes Outlook and old editors write (<font size>, class="MsoNormal") are what is read.
 */

/** The text style a child inherits. */
export interface TextStyle {
  bold: boolean;
  /** Points; null while nothing on the way down has said. */
  fontSize: number | null;
  /** white-space: pre and friends (<pre>): line breaks in the source are line breaks. */
  pre: boolean;
}

export const ROOT_STYLE: TextStyle = { bold: false, fontSize: null, pre: false };

// A browser's default size (16px); the base for em, %, h-levels and <font size> when nothing said.
const DEFAULT_PT = 12;
// h1..h6 as a browser's default style sheet sizes them, in em of the parent.
const HEADING_EM: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
// <font size="1".."7"> in points.
const FONT_SIZE_PT = [7.5, 7.5, 9.75, 12, 13.5, 18, 24, 36];
const KEYWORD_PT: Record<string, number> = { 'xx-small': 6.75, 'x-small': 7.5, small: 9.75, medium: 12, large: 13.5, 'x-large': 18, 'xx-large': 24, 'xxx-large': 36 };
const BOLD_TAGS = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** An inline style attribute as lower-case property -> value. */
export function parseStyle(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!style) return out;
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const name = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (name) out.set(name, value);
  }
  return out;
}

/**
 * Content a reader never sees: display:none, visibility:hidden, Outlook's mso-hide:all, the
 * `hidden` attribute, and the zero-height box that marketing emails use for their inbox preview text.
 */
export function isHidden(attribs: Record<string, string>, style: Map<string, string>): boolean {
  if ('hidden' in attribs) return true;
  if (style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('mso-hide') === 'all') return true;
  const maxHeight = style.get('max-height');
  return maxHeight !== undefined && parseFloat(maxHeight) === 0 && style.get('overflow') === 'hidden';
}

/** The style of an element's text, from its parent's, its tag, its attributes and its inline style. */
export function childStyle(parent: TextStyle, tag: string, attribs: Record<string, string>, style: Map<string, string>): TextStyle {
  let { bold, fontSize, pre } = parent;
  if (BOLD_TAGS.has(tag)) bold = true;
  const heading = HEADING_EM[tag];
  if (heading) fontSize = round((fontSize ?? DEFAULT_PT) * heading);
  if (tag === 'pre' || tag === 'textarea' || tag === 'plaintext' || tag === 'xmp' || tag === 'listing') pre = true;
  if (tag === 'font' && attribs.size) fontSize = fontTagSize(attribs.size) ?? fontSize;
  const weight = style.get('font-weight');
  if (weight) bold = /^(?:bold|bolder)$/.test(weight) || parseInt(weight, 10) >= 600;
  const size = style.get('font-size') ?? shorthandFontSize(style.get('font'));
  if (size) fontSize = cssFontSize(size, fontSize) ?? fontSize;
  const whiteSpace = style.get('white-space');
  if (whiteSpace) pre = /^pre(?:-wrap|-line)?$|^break-spaces$/.test(whiteSpace);
  return bold === parent.bold && fontSize === parent.fontSize && pre === parent.pre ? parent : { bold, fontSize, pre };
}

/**
 * Whether a block element sets itself apart from the text around it by a blank space (a paragraph
 * break) or only starts a new line. Browsers give p, headings, lists, blockquote, pre and tables a
 * vertical margin, div none; Outlook writes every line as <p class=MsoNormal> with its margin set to
 * zero in a style sheet, and many senders write <p style="margin:0">.
 */
export function hasVerticalMargin(tag: string, attribs: Record<string, string>, style: Map<string, string>): boolean {
  const byDefault = MARGIN_TAGS.has(tag) && !/\bMso(?:Normal|PlainText|NoSpacing|ListParagraph\w*)\b/.test(attribs.class ?? '');
  const [top, bottom] = verticalMargins(style);
  if (top === null && bottom === null) return byDefault;
  return (top ?? (byDefault ? 1 : 0)) > 0 || (bottom ?? (byDefault ? 1 : 0)) > 0;
}

const MARGIN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'menu', 'blockquote', 'pre', 'table', 'hr', 'figure', 'form', 'fieldset', 'address']);

function verticalMargins(style: Map<string, string>): [number | null, number | null] {
  let top: number | null = null;
  let bottom: number | null = null;
  const shorthand = style.get('margin');
  if (shorthand) {
    const parts = shorthand.split(/\s+/).map(length);
    top = parts[0] ?? null;
    bottom = parts.length >= 3 ? parts[2] : top;
  }
  const t = style.get('margin-top');
  const b = style.get('margin-bottom');
  if (t !== undefined) top = length(t);
  if (b !== undefined) bottom = length(b);
  return [top, bottom];
}

/** A CSS length's number (units are irrelevant when only zero or not matters); auto counts as zero. */
function length(value: string): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

/** A CSS font-size in points, relative sizes against the inherited one. */
export function cssFontSize(value: string, inherited: number | null): number | null {
  const base = inherited ?? DEFAULT_PT;
  if (value in KEYWORD_PT) return KEYWORD_PT[value];
  if (value === 'smaller') return round(base / 1.2);
  if (value === 'larger') return round(base * 1.2);
  const m = /^(-?[\d.]+)\s*(px|pt|em|rem|%|pc|in|cm|mm)?$/.exec(value);
  if (!m) return null;
  const n = parseFloat(m[1]);
  if (!Number.isFinite(n) || n <= 0) return null;
  const perUnit: Record<string, number> = { px: 0.75, pt: 1, em: base, rem: DEFAULT_PT, '%': base / 100, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };
  const pt = n * perUnit[m[2] ?? 'px'];
  // A font a reader can see; anything else is a styling trick, not a size.
  return pt >= 1 && pt <= 200 ? round(pt) : null;
}

/** The size in a `font:` shorthand ("bold 14px/1.4 Arial"). */
function shorthandFontSize(font: string | undefined): string | undefined {
  return font ? /(?:^|\s)([\d.]+(?:px|pt|em|rem|%))(?:\/\S+)?(?=\s|$)/.exec(font)?.[1] : undefined;
}

function fontTagSize(size: string): number | null {
  const m = /^([+-]?)(\d)$/.exec(size.trim());
  if (!m) return null;
  const n = m[1] === '+' ? 3 + Number(m[2]) : m[1] === '-' ? 3 - Number(m[2]) : Number(m[2]);
  return FONT_SIZE_PT[Math.min(7, Math.max(1, n))];
}

function round(pt: number): number {
  return Math.round(pt * 10) / 10;
}
