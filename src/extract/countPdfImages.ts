import { inflateSync } from 'node:zlib';

// Content streams this size or smaller (compressed) are searched for inline images; a letter's are
// a few KB. Anything larger leaves the count unknown rather than costing time or memory here.
const MAX_CONTENT_STREAM_BYTES = 256 * 1024;
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
// Past these the file is no ordinary letter: pdf.js counts, under the reader's watchdog.
const MAX_STREAMS = 2000;
const MAX_INLINE_IMAGE_MARKS = 256;

const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;
const IMAGE_SUBTYPE = /\/Subtype\s*\/Image\b/;
// Images drawn only as part of another: soft masks, stencil masks, page thumbnails.
const NOT_DRAWN_ALONE = /\/(?:SMask|Mask|Thumb)\s+(\d+)\s+\d+\s+R\b/g;
// Streams that hold no page content: fonts, colour profiles, cross-reference and object streams, metadata, attachments.
const NOT_CONTENT = /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType|XML)\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b|\/N\s+[134]\b/;
const INLINE_IMAGE_MARK = /(?:^|[\s\]>)])BI[\s/]/g;
// An inline image's dictionary is a few entries long: the search for its ID stops soon.
const INLINE_IMAGE = /(?:^|[\s\]>)])BI[\s/][\s\S]{0,2048}?\sID\s/g;

/**
 * How many pictures a PDF holds, read from its raw objects: pdf.js can only count them by building
 * each page's operator list, which decodes every picture first (about 4 ms of a 9 ms one-page
 * letter, most of it a logo). Used where it is exact enough: a one-page PDF, or none at all.
 * - An image XObject is a stream, and streams never sit inside object streams, so every one is
 *   visible at the top level of the file. Soft masks, masks and thumbnails are not counted.
 * - An inline image (BI ... ID ... EI) lives in a content stream: those are inflated and searched.
 * - Unlike pdf.js's count, a picture drawn twice counts once, and one never drawn still counts.
 * Returns null when the file leaves doubt (encryption, a filter other than Flate, a stream too
 * large to search); the caller then asks pdf.js.
 */
export function countPdfImages(bytes: Uint8Array): number | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = buf.toString('latin1');
  if (/\/Encrypt\b/.test(raw)) return null;
  const notDrawnAlone = new Set([...raw.matchAll(NOT_DRAWN_ALONE)].map((m) => m[1]));
  const images = new Set<string>();
  let inlineImages = 0;
  let at = 0;
  let streams = 0;
  for (;;) {
    const keyword = raw.indexOf('stream', at);
    if (keyword < 0) break;
    if (++streams > MAX_STREAMS) return null;
    at = keyword + 6;
    if (raw.slice(keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (raw[start] === '\r') start += 1;
    if (raw[start] !== '\n' && raw[start - 1] !== '\r') continue; // "stream" inside some other token
    if (raw[start] === '\n') start += 1;
    const header = lastObjectHeader(raw, keyword);
    if (!header) return null;
    const dict = raw.slice(header.end, keyword);
    const end = raw.indexOf('endstream', start);
    if (end < 0) return null;
    at = end + 9;
    if (IMAGE_SUBTYPE.test(dict)) {
      images.add(header.number);
      continue;
    }
    if (NOT_CONTENT.test(dict)) continue;
    const content = contentOf(buf.subarray(start, end), dict);
    if (content === null) return null;
    const marks = content.match(INLINE_IMAGE_MARK)?.length ?? 0;
    if (marks > MAX_INLINE_IMAGE_MARKS) return null;
    if (marks > 0) inlineImages += content.match(INLINE_IMAGE)?.length ?? 0;
  }
  return [...images].filter((n) => !notDrawnAlone.has(n)).length + inlineImages;
}

function lastObjectHeader(raw: string, before: number): { number: string; end: number } | null {
  const window = Math.max(0, before - 4096);
  const text = raw.slice(window, before);
  let last: RegExpExecArray | null = null;
  OBJECT_HEADER.lastIndex = 0;
  for (let m = OBJECT_HEADER.exec(text); m; m = OBJECT_HEADER.exec(text)) last = m;
  return last ? { number: last[1], end: window + last.index + last[0].length } : null;
}

/** A content stream's operators as text, or null when it cannot be read here. */
function contentOf(data: Buffer, dict: string): string | null {
  const filters = [...dict.matchAll(/\/(FlateDecode|Fl|ASCIIHexDecode|AHx|ASCII85Decode|A85|LZWDecode|LZW|RunLengthDecode|RL|DCTDecode|DCT|JPXDecode|JBIG2Decode|CCITTFaxDecode|Crypt)\b/g)].map((m) => m[1]);
  if (filters.length === 0) return data.length <= MAX_INFLATED_BYTES ? data.toString('latin1') : null;
  if (filters.length !== 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') || data.length > MAX_CONTENT_STREAM_BYTES) return null;
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES }).toString('latin1');
  } catch {
    return null;
  }
}
