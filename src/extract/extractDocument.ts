import type { IngestedDocument, IngestLimits } from '../ingest/ingestDocument.js';
import { ingestDocument } from '../ingest/ingestDocument.js';
import { DocumentEmptyError, DocumentUnreadableError, TextTooLongError, UnsupportedMediaTypeError } from '../report/errors.js';
import type { EmailEnvelope, ExtractedDocument, ExtractedPage, ExtractionNotice } from './extractedDocument.js';
import type { OcrService } from './ocrService.js';
import { readDocx } from './readDocx.js';
import { readEmail, type EmailReadResult } from './readEmail.js';
import { readMsg } from './readMsg.js';
import { readPdf } from './readPdf.js';

export interface ExtractOptions {
  limits: IngestLimits & { maxPages: number; maxTextChars: number };
  /** null where OCR is switched off: images and scanned pages are then refused, not guessed. */
  ocr: OcrService | null;
}

// A page with fewer visible characters than this has no usable text layer (a scan, or a scan
// with a stamped header): it is rendered and OCR-read instead.
const MIN_TEXT_LAYER_CHARS = 40;

/** Document to pages of text, each with its source: the text layer or OCR. */
export async function extractDocument(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  const result = await extractByKind(doc, options);
  const characters = result.pages.reduce((n, p) => n + p.text.length, 0);
  if (characters > options.limits.maxTextChars) {
    throw new TextTooLongError(`The document has ${characters} characters of text; a letter has a few thousand (limit ${options.limits.maxTextChars}).`);
  }
  if (result.pages.every((p) => visibleLength(p.text) === 0)) throw new DocumentEmptyError('No text could be found in the document.');
  return { ...result, notices: [...doc.notices, ...result.notices] };
}

async function extractByKind(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  switch (doc.kind) {
    case 'pdf':
      return extractPdf(doc, options);
    case 'docx': {
      const { text, notices } = await readDocx(doc.bytes, doc.zipEntries ?? []);
      return { mediaType: doc.mediaType, pages: [textPage(1, text)], email: null, notices };
    }
    case 'text':
      return { mediaType: doc.mediaType, pages: [textPage(1, Buffer.from(doc.bytes).toString('utf8').replace(/^\uFEFF/, ''))], email: null, notices: [] };
    case 'email':
      return extractEmail(doc.mediaType, await readEmail(doc.bytes), options);
    case 'msg':
      return extractEmail(doc.mediaType, readMsg(doc.bytes), options);
    case 'image':
      return extractImage(doc, options);
  }
}

async function extractPdf(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  const { pages: textPages, notices, parser } = await readPdf(doc.bytes, options.limits.maxPages);
  try {
    const pages: ExtractedPage[] = [];
    for (const page of textPages) {
      if (visibleLength(page.text) >= MIN_TEXT_LAYER_CHARS || !options.ocr) {
        pages.push({ ...textPage(page.number, page.text), imageCount: page.imageCount });
        continue;
      }
      // 300 dpi: PDF user space is 72 units per inch.
      const shot = await parser.getScreenshot({ partial: [page.number], scale: 300 / 72, imageDataUrl: false, imageBuffer: true });
      const png = shot.pages[0]?.data;
      if (!png) throw new DocumentUnreadableError(`Page ${page.number} of the PDF could not be rendered.`);
      const read = await options.ocr.readRenderedPage(png);
      pages.push({ number: page.number, text: read.text, source: 'ocr', ocrConfidence: read.confidence, words: read.words, imageCount: page.imageCount });
    }
    return { mediaType: doc.mediaType, pages, email: null, notices };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function extractImage(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  if (!options.ocr) throw new UnsupportedMediaTypeError('Images need OCR, which is switched off on this server (OCR_WORKERS=0).');
  const results = await options.ocr.readImage(doc.bytes, doc.mediaType);
  const pages = results.map((r, i) => ({
    number: i + 1,
    text: r.text,
    source: 'ocr' as const,
    ocrConfidence: r.confidence,
    words: r.words,
    // The whole page is a picture: a signature in it is part of the scan, not a separate image.
    imageCount: 0,
  }));
  return { mediaType: doc.mediaType, pages, email: null, notices: [] };
}

/**
 * The body is page 1; an attached PDF or Word offer follows as pages 2..n. The email's own
 * headers stay with the document: they make it an "official email" even when the letter is attached.
 */
async function extractEmail(mediaType: string, mail: EmailReadResult, options: ExtractOptions): Promise<ExtractedDocument> {
  const pages: ExtractedPage[] = [textPage(1, envelopeText(mail.envelope) + mail.body)];
  const notices: ExtractionNotice[] = [];
  for (const attachment of mail.attachments) {
    let inner: IngestedDocument;
    try {
      inner = ingestDocument(attachment.bytes, null, options.limits);
    } catch {
      continue; // an attachment we cannot read (a logo, a vCard) is not the letter
    }
    if (inner.kind !== 'pdf' && inner.kind !== 'docx') continue;
    const extracted = await extractByKind(inner, options);
    for (const page of extracted.pages) pages.push({ ...page, number: pages.length + 1 });
    notices.push(...inner.notices, ...extracted.notices);
  }
  return { mediaType, pages, email: mail.envelope, notices };
}

/** The headers as a reader sees them at the top of a printed email, so evidence can quote them. */
function envelopeText(envelope: EmailEnvelope): string {
  const person = (p: { name: string | null; address: string | null }) => (p.name && p.address ? `${p.name} <${p.address}>` : (p.name ?? p.address ?? ''));
  const lines = [
    envelope.from ? `From: ${person(envelope.from)}` : null,
    envelope.to.length ? `To: ${envelope.to.map(person).join(', ')}` : null,
    envelope.date ? `Date: ${envelope.date.slice(0, 10)}` : null,
    envelope.subject ? `Subject: ${envelope.subject}` : null,
  ].filter(Boolean);
  return lines.length ? `${lines.join('\n')}\n\n` : '';
}

function textPage(number: number, text: string): ExtractedPage {
  return { number, text, source: 'text', ocrConfidence: null, imageCount: 0 };
}

function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}
