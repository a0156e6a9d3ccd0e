import { inflateSync } from 'node:zlib';
import { fontLoadOrder, type PdfFont, type RawPdf } from './pdf/fontLoadOrder.js';
import { IDENTITY, imagePlacements, type Matrix, type UserRect, type XObjectLookup } from './pdf/imagePlacements.js';

// Content streams this size or smaller (compressed) are searched for pictures; a letter's are a
// few KB. Anything larger leaves the count unknown rather than costing time or memory here.
const MAX_CONTENT_STREAM_BYTES = 256 * 1024;
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
// Past these the file is no ordinary letter: pdf.js counts, under the reader's watchdog.
const MAX_OBJECTS = 20_000;
const MAX_STREAMS = 2000;
const MAX_INLINE_IMAGE_MARKS = 256;
const MAX_DEPTH = 8;

const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;
const IMAGE_SUBTYPE = /\/Subtype\s*\/Image\b/;
const FORM_SUBTYPE = /\/Subtype\s*\/Form\b/;
// Images drawn only as part of another: soft masks, stencil masks, page thumbnails.
const NOT_DRAWN_ALONE = /\/(?:SMask|Mask|Thumb)\s+(\d+)\s+\d+\s+R\b/g;
// Streams that hold no page content: fonts, colour profiles, cross-reference and object streams, metadata, attachments.
const NOT_CONTENT = /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType|XML)\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b|\/N\s+[134]\b/;
const INLINE_IMAGE_MARK = /(?:^|[\s\]>)])BI[\s/]/g;
// An inline image's dictionary is a few entries long: the search for its ID stops soon.
const INLINE_IMAGE = /(?:^|[\s\]>)])BI[\s/][\s\S]{0,2048}?\sID\s/g;
const PAINT_XOBJECT = /\/([^\s/<>[\]()%{}]+)\s+Do\b/g;
const REF = /^(\d+)\s+\d+\s+R\b/;
const NAMED_REF = /\/([^\s/<>[\]()%{}]+)\s+(\d+)\s+\d+\s+R\b/g;

export interface PdfImageCounts {
  /** Pictures in the whole file: each drawable image once (a picture drawn twice counts once), and every inline image. */
  total: number;
  /**
   * The pictures one page draws, as pdf.js's operator list counts them (each drawing of an image,
   * in the page's content and the forms it draws); the page is given by its object number
   * (pdf.js's `page.ref.num`). null where the page cannot be followed here: its objects packed in
   * object streams, annotations with appearances, anything unexpected.
   */
  onPage(objectNumber: number): number | null;
  /**
   * Where the page's content draws its pictures, in PDF user space (annotations aside); null
   * where the page cannot be followed here. Read again from the content streams on each call:
   * ask only for pages that have pictures.
   */
  placementsOnPage(objectNumber: number): UserRect[] | null;
  /**
   * The fonts pdf.js numbers f1, f2, ... as it reads these pages' text in this order, with their
   * names and weights (fontLoadOrder); null where the file leaves doubt.
   */
  fontsInLoadOrder(pageObjectNumbers: readonly number[]): PdfFont[] | null;
  /**
   * The largest picture (by its declared Width x Height) that one page draws as an image XObject:
   * null when it draws none with a readable size, undefined where the page cannot be followed here.
   */
  largestOnPage(objectNumber: number): ImageSize | null | undefined;
  /** The largest image XObject in the whole file (masks and thumbnails aside); null when it has none with a readable size. */
  largest: ImageSize | null;
}

export interface ImageSize {
  width: number;
  height: number;
}

interface RawObject {
  /** The dictionary (a stream's) or the whole body (any other object). */
  dict: string;
  stream: Buffer | null;
}

/** What a page or form draws: its inline images, and the image XObjects it paints (each time it paints one). */
interface Painted {
  inlineImages: number;
  images: number[];
}

/** What a content stream draws: its inline images, and the XObjects it paints, by resource name. */
interface ContentSummary {
  inlineImages: number;
  painted: string[];
  /** The stream as text, kept for placing pictures and naming fonts later; null past KEPT_CONTENT_CHARS (read again then). */
  text: string | null;
}

// The content streams' text is kept, up to this many characters in all (a letter's are tens of
// thousands), so that placing pictures and naming fonts do not inflate them again.
const KEPT_CONTENT_CHARS = 4 * 1024 * 1024;

/**
 * How many pictures a PDF draws, read from its raw objects: pdf.js can only count them by building
 * each page's operator list, which decodes every picture first (about 4 ms of a 9 ms one-page
 * letter, most of it a logo, and the decoding runs on after the answer).
 * - An image XObject is a stream, and streams never sit inside object streams, so every one is
 *   visible at the top level of the file. Soft masks, masks and thumbnails are not counted.
 * - A page's pictures are its content's `Do` of an image (or of a form that draws one) and its
 *   inline images (BI ... ID ... EI); content streams are inflated and searched.
 * null when the file leaves doubt (encryption, a filter other than Flate, a stream too large to
 * search, too many objects); the caller then asks pdf.js.
 */
export function countPdfImages(bytes: Uint8Array): PdfImageCounts | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = buf.toString('latin1');
  if (/\/Encrypt\b/.test(raw)) return null;
  const objects = indexObjects(buf, raw);
  if (!objects) return null;
  const notDrawnAlone = new Set([...raw.matchAll(NOT_DRAWN_ALONE)].map((m) => Number(m[1])));
  const images = new Set<number>();
  const sizes = new Map<number, ImageSize>();
  // Every content stream is inflated and searched once, here; the pages are then followed on these summaries.
  const contents = new Map<number, ContentSummary>();
  let kept = 0;
  let inlineImages = 0;
  for (const [number, object] of objects) {
    if (!object.stream) continue;
    if (IMAGE_SUBTYPE.test(object.dict)) {
      if (notDrawnAlone.has(number)) continue;
      images.add(number);
      const size = declaredSize(object.dict);
      if (size) sizes.set(number, size);
      continue;
    }
    if (NOT_CONTENT.test(object.dict)) continue;
    const content = contentOf(object);
    if (content === null) return null;
    const inline = inlineImagesIn(content);
    if (inline === null) return null;
    inlineImages += inline;
    const keep = kept + content.length <= KEPT_CONTENT_CHARS;
    if (keep) kept += content.length;
    contents.set(number, { inlineImages: inline, painted: [...content.matchAll(PAINT_XOBJECT)].map((m) => m[1]), text: keep ? content : null });
  }
  const walker = new PageWalker(objects, images, contents);
  const walked = new Map<number, Painted | null>();
  const pages = { painted: (number: number) => (walked.has(number) ? walked.get(number)! : walked.set(number, walker.painted(number)).get(number)!) };
  const largestOf = (numbers: Iterable<number>) => largest([...numbers].map((n) => sizes.get(n)));
  return {
    total: images.size + inlineImages,
    onPage: (number) => {
      const painted = pages.painted(number);
      return painted && painted.inlineImages + painted.images.length;
    },
    largestOnPage: (number) => {
      const painted = pages.painted(number);
      return painted ? largestOf(painted.images) : undefined;
    },
    placementsOnPage: (number) => walker.placements(number),
    fontsInLoadOrder: (numbers) => {
      try {
        return fontLoadOrder(walker, numbers);
      } catch {
        return null;
      }
    },
    largest: largestOf(sizes.keys()),
  };
}

/** An image's /Width and /Height, when both are written as numbers in its dictionary. */
function declaredSize(dict: string): ImageSize | null {
  const width = Number(valueOf(dict, 'Width'));
  const height = Number(valueOf(dict, 'Height'));
  return Number.isSafeInteger(width) && Number.isSafeInteger(height) && width > 0 && height > 0 ? { width, height } : null;
}

function largest(sizes: (ImageSize | undefined)[]): ImageSize | null {
  let best: ImageSize | null = null;
  for (const size of sizes) if (size && (!best || size.width * size.height > best.width * best.height)) best = size;
  return best;
}

/** Every top-level object, the last revision of each; null past the limits. */
function indexObjects(buf: Buffer, raw: string): Map<number, RawObject> | null {
  const objects = new Map<number, RawObject>();
  let streams = 0;
  OBJECT_HEADER.lastIndex = 0;
  for (let header = OBJECT_HEADER.exec(raw); header; header = OBJECT_HEADER.exec(raw)) {
    if (objects.size >= MAX_OBJECTS) return null;
    const bodyStart = header.index + header[0].length;
    const endobj = raw.indexOf('endobj', bodyStart);
    const keyword = raw.indexOf('stream', bodyStart);
    // "stream" as the keyword: not "endstream", and followed by the end of its line (not a word in a string).
    const isStream = keyword >= 0 && (endobj < 0 || keyword < endobj) && raw.slice(keyword - 3, keyword) !== 'end' && /^\r?\n/.test(raw.slice(keyword + 6, keyword + 8));
    if (isStream) {
      if (++streams > MAX_STREAMS) return null;
      let start = keyword + 6;
      if (raw[start] === '\r') start += 1;
      if (raw[start] === '\n') start += 1;
      const end = raw.indexOf('endstream', start);
      if (end < 0) return null;
      objects.set(Number(header[1]), { dict: raw.slice(bodyStart, keyword), stream: buf.subarray(start, end) });
      OBJECT_HEADER.lastIndex = end + 9;
      continue;
    }
    if (endobj < 0) return null;
    objects.set(Number(header[1]), { dict: raw.slice(bodyStart, endobj), stream: null });
    OBJECT_HEADER.lastIndex = endobj + 6;
  }
  return objects;
}

/** Follows pages to their content, resources and forms: what pdf.js would paint, where, and the fonts its text would load. */
class PageWalker implements RawPdf {
  private readonly hasObjectStreams: boolean;

  constructor(
    private readonly objects: Map<number, RawObject>,
    private readonly images: Set<number>,
    private readonly contents: Map<number, ContentSummary>,
  ) {
    this.hasObjectStreams = [...objects.values()].some((o) => /\/Type\s*\/ObjStm\b/.test(o.dict));
  }

  painted(pageNumber: number): Painted | null {
    try {
      const page = this.objects.get(pageNumber);
      if (!page || page.stream || !/\/Type\s*\/Page\b/.test(page.dict)) return null;
      if (!this.annotationsArePlain(page.dict)) return null;
      const resources = this.inheritedResources(page.dict);
      if (resources === undefined) return null;
      const contents = valueOf(page.dict, 'Contents');
      if (contents === undefined) return null;
      const all: Painted = { inlineImages: 0, images: [] };
      for (const number of refsIn(contents ?? '')) {
        const painted = this.paintedBy(number, resources, 0, new Set());
        if (painted === null) return null;
        all.inlineImages += painted.inlineImages;
        all.images.push(...painted.images);
      }
      return all;
    } catch {
      return null;
    }
  }

  placements(pageNumber: number): UserRect[] | null {
    try {
      const page = this.page(pageNumber);
      return page ? imagePlacements(page.content, this.lookup(page.resources, 0)) : null;
    } catch {
      return null;
    }
  }

  page(pageNumber: number): { content: string; resources: string | null } | null {
    const page = this.objects.get(pageNumber);
    if (!page || page.stream || !/\/Type\s*\/Page\b/.test(page.dict)) return null;
    const resources = this.inheritedResources(page.dict);
    const contents = valueOf(page.dict, 'Contents');
    if (resources === undefined || contents === undefined) return null;
    // A page's content streams are one stream cut in pieces: the graphics state runs on across them.
    const parts: string[] = [];
    for (const number of refsIn(contents ?? '')) {
      const text = this.streamText(number);
      if (text === null) return null;
      parts.push(text);
    }
    return { content: parts.join('\n'), resources };
  }

  dict(objectNumber: number): string | null {
    return this.objects.get(objectNumber)?.dict ?? null;
  }

  streamText(objectNumber: number): string | null {
    const summary = this.contents.get(objectNumber);
    if (summary?.text) return summary.text;
    const object = this.objects.get(objectNumber);
    return object?.stream ? contentOf(object) : null;
  }

  valueOf(dict: string, key: string): string | null | undefined {
    return valueOf(dict, key);
  }

  /** What each name of these resources' /XObject table paints, for imagePlacements. */
  private lookup(resources: string | null, depth: number): XObjectLookup {
    return (name) => {
      const xobjects = resources === null ? null : valueOf(resources, 'XObject');
      const table = xobjects ? this.resolve(xobjects) : null;
      const target = table ? namedRefs(table).get(name) : undefined;
      if (target === undefined) return null;
      if (this.images.has(target)) return { kind: 'image' };
      const form = this.objects.get(target);
      if (!form?.stream || !FORM_SUBTYPE.test(form.dict)) return { kind: 'other' };
      if (depth >= MAX_DEPTH) return null;
      const content = this.streamText(target);
      const own = valueOf(form.dict, 'Resources');
      if (content === null || own === undefined) return null;
      return { kind: 'form', content, matrix: matrixOf(form.dict), lookup: this.lookup(own === null ? resources : this.resolve(own), depth + 1) };
    };
  }

  /** Links only (no appearance streams): pdf.js draws annotations' appearances into the page's list. */
  private annotationsArePlain(pageDict: string): boolean {
    const annots = valueOf(pageDict, 'Annots');
    if (annots === undefined) return false;
    if (annots === null) return true;
    const list = this.resolve(annots);
    if (list === null) return false;
    for (const number of refsIn(list)) {
      const annot = this.objects.get(number);
      if (!annot || !/\/Subtype\s*\/Link\b/.test(annot.dict) || /\/AP\b/.test(annot.dict)) return false;
    }
    // Inline annotation dictionaries are rare; their appearances cannot be followed here.
    return !/<</.test(list.replace(/^\s*\[/, ''));
  }

  /** The page's /Resources, or its nearest ancestor's; undefined when they cannot be read. */
  private inheritedResources(pageDict: string): string | null | undefined {
    let dict = pageDict;
    for (let depth = 0; depth < 32; depth++) {
      const resources = valueOf(dict, 'Resources');
      if (resources === undefined) return undefined;
      if (resources !== null) return this.resolve(resources) ?? undefined;
      const parent = valueOf(dict, 'Parent');
      const ref = parent ? REF.exec(parent.trim()) : null;
      if (!ref) return null;
      const next = this.objects.get(Number(ref[1]));
      if (!next || next.stream) return undefined;
      dict = next.dict;
    }
    return undefined;
  }

  /** Pictures drawn by content stream `number` (a page's, or a form's) with these resources. */
  private paintedBy(number: number, resources: string | null, depth: number, seen: Set<number>): Painted | null {
    if (depth > MAX_DEPTH || seen.has(number)) return null;
    // Not a content stream of ours (a stream set aside as a font, say): pdf.js would know better.
    const content = this.contents.get(number);
    if (!content) return null;
    const painted: Painted = { inlineImages: content.inlineImages, images: [] };
    if (content.painted.length === 0) return painted;
    const xobjects = resources === null ? null : valueOf(resources, 'XObject');
    if (xobjects === undefined) return null;
    const table = xobjects === null ? null : this.resolve(xobjects);
    const named = table ? namedRefs(table) : new Map<string, number>();
    for (const name of content.painted) {
      const target = named.get(name);
      if (target === undefined) return null; // a name the resources do not hold: pdf.js would know better
      if (this.images.has(target)) {
        painted.images.push(target);
        continue;
      }
      const form = this.objects.get(target);
      if (!form?.stream) {
        if (this.hasObjectStreams || !form) return null;
        continue;
      }
      if (IMAGE_SUBTYPE.test(form.dict)) continue; // a mask drawn on its own would be odd; pdf.js would still count it
      if (!FORM_SUBTYPE.test(form.dict)) return null;
      const own = valueOf(form.dict, 'Resources');
      if (own === undefined) return null;
      const formResources = own === null ? resources : this.resolve(own);
      const inner = this.paintedBy(target, formResources ?? null, depth + 1, new Set([...seen, number]));
      if (inner === null) return null;
      painted.inlineImages += inner.inlineImages;
      painted.images.push(...inner.images);
    }
    return painted;
  }

  /** A value that may be an indirect reference: the referenced object's text; null when it is not at the top level. */
  resolve(value: string): string | null {
    const ref = REF.exec(value.trim());
    if (!ref) return value;
    const object = this.objects.get(Number(ref[1]));
    return object && !object.stream ? object.dict : null;
  }
}

/**
 * The value of `/key` in a dictionary's text: a reference ("5 0 R"), a nested dictionary or an
 * array (balanced), or a bare token. null when the key is absent; undefined when the value cannot
 * be read here (a string inside it, an unbalanced bracket).
 */
export function valueOf(dict: string, key: string): string | null | undefined {
  const at = new RegExp(`/${key}(?=[\\s<\\[/(0-9])`).exec(dict);
  if (!at) return null;
  let i = at.index + at[0].length;
  while (i < dict.length && /\s/.test(dict[i])) i++;
  const ref = REF.exec(dict.slice(i, i + 40));
  if (ref) return ref[0];
  const open = dict.startsWith('<<', i) ? '<<' : dict[i] === '[' ? '[' : null;
  if (!open) return /^[^\s/<>[\]()]*/.exec(dict.slice(i))?.[0] ?? '';
  const close = open === '<<' ? '>>' : ']';
  let depth = 0;
  for (let j = i; j < dict.length; ) {
    if (dict[j] === '(') return undefined;
    if (dict.startsWith(open, j)) {
      depth++;
      j += open.length;
    } else if (dict.startsWith(close, j)) {
      depth--;
      j += close.length;
      if (depth === 0) return dict.slice(i, j);
    } else j++;
  }
  return undefined;
}

/** A resource table's entries, "/Im1 5 0 R", as name to object number; the first of a repeated name counts. */
function namedRefs(table: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const m of table.matchAll(NAMED_REF)) if (!named.has(m[1])) named.set(m[1], Number(m[2]));
  return named;
}

/** A form's /Matrix, identity when absent or unreadable. */
function matrixOf(dict: string): Matrix {
  const m = /\/Matrix\s*\[([^\]]*)\]/.exec(dict);
  const values = m ? m[1].trim().split(/\s+/).map(Number) : [];
  return values.length === 6 && values.every(Number.isFinite) ? (values as Matrix) : IDENTITY;
}

function refsIn(value: string): number[] {
  return [...value.matchAll(/(\d+)\s+\d+\s+R\b/g)].map((m) => Number(m[1]));
}

function inlineImagesIn(content: string): number | null {
  const marks = content.match(INLINE_IMAGE_MARK)?.length ?? 0;
  if (marks > MAX_INLINE_IMAGE_MARKS) return null;
  return marks > 0 ? (content.match(INLINE_IMAGE)?.length ?? 0) : 0;
}

/** A content stream's operators as text, or null when it cannot be read here. */
function contentOf(object: RawObject): string | null {
  const data = object.stream as Buffer;
  const filters = [...object.dict.matchAll(/\/(FlateDecode|Fl|ASCIIHexDecode|AHx|ASCII85Decode|A85|LZWDecode|LZW|RunLengthDecode|RL|DCTDecode|DCT|JPXDecode|JBIG2Decode|CCITTFaxDecode|Crypt)\b/g)].map((m) => m[1]);
  if (filters.length === 0) return data.length <= MAX_INFLATED_BYTES ? data.toString('latin1') : null;
  if (filters.length !== 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') || data.length > MAX_CONTENT_STREAM_BYTES) return null;
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES }).toString('latin1');
  } catch {
    return null;
  }
}
