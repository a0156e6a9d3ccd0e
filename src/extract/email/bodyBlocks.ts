import type { Region } from '../../document/letterDocument.js';
import type { CellInput, LineInput, PageBuilder } from '../layout/pageBuilder.js';

/**
 * An email body's blocks in reading order, before they are written to a page: what the HTML reader
 * finds, in the shapes PageBuilder takes. Plain data, so that the forwarded-header pass can split
 * paragraphs before anything is written.
 */
export type BodyBlock =
  | { kind: 'paragraph'; lines: LineInput[] }
  | { kind: 'item'; marker: string; level: number; lines: LineInput[] }
  | { kind: 'table'; rows: CellInput[][]; headerRows: number }
  | { kind: 'picture'; name: string | null };

/**
 * Writes the blocks to the page in order. A picture above the body's first text (the logo an HTML
 * email opens with) is the email's letterhead, so it goes in the header region; everything else is body.
 */
export function addBodyBlocks(builder: PageBuilder, blocks: readonly BodyBlock[]): void {
  let textSeen = false;
  for (const block of blocks) {
    const region: Region = 'body';
    switch (block.kind) {
      case 'paragraph':
        builder.paragraph(region, block.lines);
        break;
      case 'item':
        builder.item(region, block.marker, block.lines, block.level);
        break;
      case 'table':
        builder.table(region, block.rows, { how: 'html', headerRows: block.headerRows });
        break;
      case 'picture':
        builder.picture(textSeen ? 'body' : 'header', null, block.name);
        break;
    }
    if (block.kind !== 'picture') textSeen = true;
  }
}
