/**
 * Which of pdf.js's fonts are bold, without asking pdf.js for its operator lists.
 *
 * pdf.js's text items name their font only as "g_d0_f3": the third font the document loaded. The
 * font's own name ("ABCDEF+Arial-BoldMT") reaches the main thread only with a page's operator list,
 * which costs more than the text itself (18 ms against 11 ms for a two-page Chromium letter,
 * decoding its pictures). But pdf.js numbers fonts in the order getTextContent meets them: the
 * first `Tf` (or form drawn with `Do`) naming each font object, page after page. Walking the same
 * content streams in the same order gives the same list, and so each number's font dictionary.
 * Where the walk could differ from pdf.js's (a name it cannot find, a Type3 font, a graphics state
 * setting a font, two fonts sharing a descriptor, which pdf.js may merge), it gives up: no weight
 * is better than a wrong one.
 */

/** What fontLoadOrder reads of the raw file. */
export interface RawPdf {
  /** A page's content (its streams, joined) and resources; null when they cannot be read. */
  page(objectNumber: number): { content: string; resources: string | null } | null;
  /** The dictionary of an object (a stream's too); null when it is not in the file's top level. */
  dict(objectNumber: number): string | null;
  /** A stream's data as text; null when it cannot be read. */
  streamText(objectNumber: number): string | null;
  /** A value that may be a reference, as the text of the object it names; null when it cannot be followed. */
  resolve(value: string): string | null;
  /** The value of `/key` in a dictionary's text; null when absent, undefined when unreadable. */
  valueOf(dict: string, key: string): string | null | undefined;
}

export interface PdfFont {
  /** The font's /BaseFont, without a subset prefix ("Arial-BoldMT"). */
  name: string;
  bold: boolean;
}

const MAX_FORM_DEPTH = 8;
// Names that say a heavy weight (Arial-BoldMT, Lato-Black, Montserrat-SemiBold, Helvetica-Bold).
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const FORCE_BOLD = 1 << 18;

// The operators that load a font or may: `/F1 12 Tf`, `/GS1 gs`, `/Fm1 Do`. Found with one native
// pattern rather than by reading every token: a Chromium page is mostly glyph arrays (1.3 ms
// tokenized, and the garbage it leaves). A string that spells "/F1 12 Tf" would be misread; a
// name that is not in the resources then makes the walk give up.
const FONT_OPERATORS = /\/([^\s/<>[\]()%{}]+)\s+(?:([-+]?(?:\d+\.?\d*|\.\d+))\s+(Tf)|(gs|Do))(?=[\s/<>[\]()%{}]|$)/g;

/** The fonts pdf.js numbers f1, f2, ... when it reads these pages' text in order; null when unsure. */
export function fontLoadOrder(raw: RawPdf, pageObjectNumbers: readonly number[]): PdfFont[] | null {
  const order: number[] = [];
  const seen = new Set<number>();
  // A page sets its fonts line after line with the same few names: each is looked up once.
  const found = new Map<string | null, Map<string, number | null>>();
  const lookup = (resources: string | null, kind: string, name: string): number | null => {
    let names = found.get(resources);
    if (!names) found.set(resources, (names = new Map()));
    const key = `${kind}/${name}`;
    if (!names.has(key)) names.set(key, refIn(raw, resources, kind, name));
    return names.get(key)!;
  };
  const walk = (content: string, resources: string | null, depth: number): boolean => {
    if (depth > MAX_FORM_DEPTH) return false;
    for (const m of content.matchAll(FONT_OPERATORS)) {
      const [, name, , tf, other] = m;
      const operator = tf ?? other;
      const target = lookup(resources, operator === 'Tf' ? 'Font' : operator === 'gs' ? 'ExtGState' : 'XObject', name);
      if (target === null) return false;
      if (operator === 'Tf') {
        if (!seen.has(target)) {
          seen.add(target);
          order.push(target);
        }
        continue;
      }
      const dict = raw.dict(target);
      if (dict === null) return false;
      if (operator === 'gs') {
        if (raw.valueOf(dict, 'Font') !== null) return false;
        continue;
      }
      if (/\/Subtype\s*\/Form\b/.test(dict)) {
        const text = raw.streamText(target);
        const own = raw.valueOf(dict, 'Resources');
        if (text === null || own === undefined) return false;
        if (!walk(text, own === null ? resources : raw.resolve(own), depth + 1)) return false;
      }
    }
    return true;
  };
  for (const number of pageObjectNumbers) {
    const page = raw.page(number);
    if (!page || !walk(page.content, page.resources, 0)) return null;
  }
  const descriptors = new Set<string>();
  const fonts: PdfFont[] = [];
  for (const number of order) {
    const font = describe(raw, number, descriptors);
    if (!font) return null;
    fonts.push(font);
  }
  return fonts;
}

/** The object number `/name` stands for in a resources' `/kind` table; null when it cannot be followed. */
function refIn(raw: RawPdf, resources: string | null, kind: string, name: string): number | null {
  if (resources === null) return null;
  const table = raw.valueOf(resources, kind);
  const entries = table ? raw.resolve(table) : null;
  if (!entries) return null;
  for (const m of entries.matchAll(NAMED_REF)) if (m[1] === name) return Number(m[2]);
  return null;
}

const NAMED_REF = /\/([^\s/<>[\]()%{}]+)\s+(\d+)\s+\d+\s+R\b/g;

function describe(raw: RawPdf, number: number, descriptors: Set<string>): PdfFont | null {
  const dict = raw.dict(number);
  if (dict === null || !/\/Subtype\s*\/(?:Type1|MMType1|TrueType|Type0|CIDFontType[02])\b/.test(dict)) return null;
  const baseFont = /\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? '';
  let fontDict = dict;
  if (/\/Subtype\s*\/Type0\b/.test(dict)) {
    const descendants = raw.valueOf(dict, 'DescendantFonts');
    const list = descendants ? raw.resolve(descendants) : null;
    const first = list ? /(\d+)\s+\d+\s+R\b/.exec(list) : null;
    const descendant = first ? raw.dict(Number(first[1])) : null;
    if (!descendant) return null;
    fontDict = descendant;
  }
  const descriptorRef = raw.valueOf(fontDict, 'FontDescriptor');
  if (descriptorRef === undefined) return null;
  let descriptor = '';
  if (descriptorRef !== null) {
    // pdf.js may merge two fonts that share a descriptor into one number: the count would drift.
    if (descriptors.has(descriptorRef)) return null;
    descriptors.add(descriptorRef);
    descriptor = raw.resolve(descriptorRef) ?? '';
  }
  const weight = Number(/\/FontWeight\s+(\d+)/.exec(descriptor)?.[1] ?? 0);
  const flags = Number(/\/Flags\s+(\d+)/.exec(descriptor)?.[1] ?? 0);
  const name = decodeName(baseFont).replace(/^[A-Z]{6}\+/, '');
  return { name, bold: BOLD_NAME.test(name) || weight >= 600 || (flags & FORCE_BOLD) !== 0 };
}

/** A PDF name with its #xx escapes decoded. */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Bold or not for each pdf.js font name seen ("g_d0_f3" is the third font loaded); null when any
 * name falls outside the fonts the walk found (the walk and pdf.js did not agree).
 */
export function weightsByPdfJsName(fonts: readonly PdfFont[] | null, pdfJsNames: Iterable<string>): Record<string, boolean> | null {
  if (!fonts) return null;
  const out: Record<string, boolean> = {};
  for (const name of pdfJsNames) {
    const n = /_f(\d+)$/.exec(name);
    const font = n ? fonts[Number(n[1]) - 1] : undefined;
    if (!font) return null;
    out[name] = font.bold;
  }
  return out;
}
