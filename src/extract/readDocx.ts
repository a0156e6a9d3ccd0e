import JSZip from 'jszip';
import mammoth from 'mammoth';
import { DocumentUnreadableError } from '../report/errors.js';
import type { ExtractionNotice } from './extractedDocument.js';
import type { ZipEntrySummary } from '../ingest/checkZipArchive.js';

export interface DocxReadResult {
  /** Headers, body and footers in the order a reader's eye takes them on the page. */
  text: string;
  /** The text of each distinct header part, the body, and each distinct footer part. */
  headers: string[];
  body: string;
  footers: string[];
  /** Pictures drawn in the body (not the header, where a logo is expected): a scanned signature is one. */
  imageCount: number;
  notices: ExtractionNotice[];
}

/**
 * Body through mammoth (as HTML, so that table rows stay rows: "Hours | 40 per week"),
 * plus what mammoth leaves out and letters put there: headers (the letterhead often sits
 * there) and footers (often the headquarters' address), read straight from their XML parts.
 * Order: headers, body, footers, the order a reader's eye takes on the page.
 */
export async function readDocx(bytes: Uint8Array, entries: ZipEntrySummary[]): Promise<DocxReadResult> {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('word/document.xml')) throw new DocumentUnreadableError('The zip file is not a Word document (no word/document.xml).');
  const notices: ExtractionNotice[] = [];
  if (names.has('word/vbaProject.bin')) notices.push({ code: 'DOCUMENT_HAS_MACROS', message: 'The Word document contains macros. They were not run.' });

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocumentUnreadableError('The Word document could not be opened.');
  }
  const rels = await zip.file('word/_rels/document.xml.rels')?.async('string');
  if (rels && /TargetMode="External"/.test(rels) && /relationships\/(attachedTemplate|oleObject|subDocument|frame)"/.test(rels)) {
    notices.push({ code: 'DOCUMENT_EXTERNAL_REFERENCES', message: 'The Word document refers to outside files. They were not fetched.' });
  }

  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new DocumentUnreadableError('The Word document could not be read.');
  }
  const headers = await readParts(zip, /^word\/header\d*\.xml$/);
  const footers = await readParts(zip, /^word\/footer\d*\.xml$/);
  const body = htmlToText(html);
  const text = [...headers, body, ...footers].filter((t) => t.trim()).join('\n');
  const bodyXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { text, headers, body, footers, imageCount: countPictures(bodyXml), notices };
}

/** DrawingML pictures and legacy VML images; a text box's fallback copy is not counted twice. */
export function countPictures(xml: string): number {
  const cleaned = xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '');
  return (cleaned.match(/<pic:pic[ >]/g)?.length ?? 0) + (cleaned.match(/<v:imagedata[ />]/g)?.length ?? 0);
}

async function readParts(zip: JSZip, pattern: RegExp): Promise<string[]> {
  const files = Object.keys(zip.files).filter((n) => pattern.test(n)).sort();
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const text = wordXmlToText(await zip.file(name)!.async('string'));
    // Word writes separate first-page/even/default headers that often repeat each other.
    if (text && !seen.has(text)) texts.push(text);
    seen.add(text);
  }
  return texts;
}

/** Paragraph text of a WordprocessingML part; table cells joined with " | ". */
export function wordXmlToText(xml: string): string {
  // Text boxes carry a VML copy of their text in mc:Fallback: keep only the mc:Choice.
  const cleaned = xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '');
  const lines: string[] = [];
  const rowPattern = /<w:tr[ >][\s\S]*?<\/w:tr>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const match of cleaned.matchAll(rowPattern)) {
    const block = match[0];
    if (block.startsWith('<w:tr')) {
      const cells = [...block.matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((c) => runsText(c[0]).trim()).filter(Boolean);
      if (cells.length) lines.push(cells.join(' | '));
    } else {
      lines.push(runsText(block));
    }
  }
  return lines.map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n');
}

function runsText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else if (m[0] === '<w:tab/>') out += ' ';
    else out += '\n';
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? all;
  });
}

/** mammoth's HTML is simple and regular: paragraphs, lists, tables. Rows become "a | b" lines. */
export function htmlToText(html: string): string {
  return decodeXml(
    html
      // A cell's own paragraphs stay on its row.
      .replace(/<t([dh])([^>]*)>([\s\S]*?)<\/t[dh]>/g, (_all, t: string, attrs: string, inner: string) =>
        `<t${t}${attrs}>${inner.replace(/<\/p>\s*<p[^>]*>/g, ' ').replace(/<\/?p[^>]*>/g, '')}</t${t}>`,
      )
      .replace(/<\/t[dh]>\s*<t[dh][^>]*>/g, ' | ')
      .replace(/<(?:\/p|\/h\d|\/li|\/tr|br\s*\/?)>/g, '\n')
      .replace(/<li[^>]*>/g, '\n• ')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
