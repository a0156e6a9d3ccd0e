import WordExtractor from 'word-extractor';
import type { DocumentPart, LetterPage } from '../../document/letterDocument.js';
import { inspectWordDocument } from '../../ingest/inspectWordDocument.js';
import { DocumentUnreadableError } from '../../report/errors.js';
import { PageBuilder } from '../layout/pageBuilder.js';
import { writeWordBlocks, type WordBlock } from '../docx/wordBlocks.js';
import { docTextBlocks } from './docTextBlocks.js';

/** word-extractor's stories; `filterUnicode: false` keeps curly quotes and dashes as the letter has them. */
interface DocStories {
  getBody(options: { filterUnicode: false }): string;
  getHeaders(options: { includeFooters: false; filterUnicode: false }): string;
  getFooters(options: { filterUnicode: false }): string;
  getFootnotes(options: { filterUnicode: false }): string;
  getEndnotes(options: { filterUnicode: false }): string;
  getTextboxes(options: { includeBody: boolean; includeHeadersAndFooters: boolean; filterUnicode: false }): string;
}

/**
 * A Word 97-2003 .doc as one page of the structured document, read with word-extractor (pure
 * JavaScript, maintained, reads the body, headers, footers, text boxes and notes of the binary
 * format from its piece table). The compound file's structure is checked first (inspectWordDocument):
 * word-extractor follows sector chains without loop checks.
 *
 * Order: the headers, the body's text boxes, the body, footnotes and endnotes, the footers. The
 * text gives no place for a text box's anchor; text boxes come before the body text because
 * that is where letters put them (a letterhead, a sender block). Tables are rebuilt from the cell
 * and row marks (docTextBlocks) and judged like a .docx's (isLayoutTable). Pictures are not in
 * the text: imageCount is 0 and there are no picture blocks. Bold and size are unknown (null).
 */
export async function readDocPage(bytes: Uint8Array, page: { number: number; part: DocumentPart }): Promise<LetterPage> {
  // Checked again here: the reader does not trust what it is told about the bytes (ingest reported the notices).
  inspectWordDocument(bytes);
  let doc: DocStories;
  try {
    doc = (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown as DocStories;
  } catch {
    throw new DocumentUnreadableError('The Word 97-2003 document could not be read. Save it as .docx or PDF and send that.');
  }
  const raw = { filterUnicode: false } as const;
  const header = [...docTextBlocks(doc.getHeaders({ includeFooters: false, ...raw })), ...docTextBlocks(doc.getTextboxes({ includeBody: false, includeHeadersAndFooters: true, ...raw }))];
  const body = [
    ...docTextBlocks(doc.getTextboxes({ includeBody: true, includeHeadersAndFooters: false, ...raw })),
    ...docTextBlocks(doc.getBody(raw)),
    ...docTextBlocks(doc.getFootnotes(raw)),
    ...docTextBlocks(doc.getEndnotes(raw)),
  ];
  const footer = docTextBlocks(doc.getFooters(raw));

  const builder = new PageBuilder({ number: page.number, part: page.part, imageCount: 0 });
  writeWordBlocks(builder, 'header', withoutRepeats(header));
  writeWordBlocks(builder, 'body', body);
  writeWordBlocks(builder, 'footer', withoutRepeats(footer));
  return builder.build();
}

/**
 * The first-page, odd and even headers come as one text: a letterhead repeated in each is read once.
 * Header text boxes are told apart from the headers' own text only by word-extractor, which
 * gives them with the footers' text boxes: they count as header.
 */
function withoutRepeats(blocks: WordBlock[]): WordBlock[] {
  const seen = new Set<string>();
  return blocks.filter((b) => {
    const key = JSON.stringify(b);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
