import type { DocumentPart, LetterPage, Region } from '../../document/letterDocument.js';
import { splitListMarker } from './listMarker.js';
import { PageBuilder } from './pageBuilder.js';

export interface TextPageOptions {
  number?: number;
  part?: DocumentPart;
  region?: Region;
  imageCount?: number;
}

/**
 * A page from plain text, the only structure being what the characters show: a blank line ends a
 * paragraph, a bulleted or numbered line is a list item (its wrapped continuation lines stay with
 * it), and lines whose columns are set apart by tabs or runs of spaces are the rows of a table
 * ("Start date<tab>June 1, 2027"). Plain-text uploads are read this way, and field tests build
 * their letters with it.
 */
export function pageFromText(text: string, options: TextPageOptions = {}): LetterPage {
  const builder = new PageBuilder({ number: options.number ?? 1, part: options.part, imageCount: options.imageCount });
  addTextBlocks(builder, text, options.region ?? 'body');
  return builder.build();
}

/** Appends the paragraphs and list items of `text` to a page being built. */
/**
 * The cells of a line of a plain-text table: columns are set apart by a tab, three spaces or more
 * (two may follow a full stop), or a vertical bar ("| Start date | End date |"). Each run of blanks
 * is looked at once, so a line of 200,000 spaces costs what its length does.
 */
function cellsOf(line: string): string[] {
  const marked = line.trim().replace(/[^\S\r\n]+/g, (run) => (run.length >= 3 || run.includes('\t') ? '\t' : ' '));
  return marked
    .replace(/^\|\s*|\s*\|$/g, '')
    .split(/\t|\|/)
    .map((cell) => cell.trim());
}
// The rule under a header row of a bar table: "|---|:---:|".
const BAR_RULE = /^[\s|:=+-]+$/;

export function addTextBlocks(builder: PageBuilder, text: string, region: Region): void {
  let paragraph: string[] = [];
  let item: { marker: string; lines: string[] } | null = null;
  let rows: string[][][] = [];
  const flush = () => {
    if (item) builder.item(region, item.marker, item.lines.map((t) => ({ text: t })));
    else if (paragraph.length) builder.paragraph(region, paragraph.map((t) => ({ text: t })));
    else if (rows.length) builder.table(region, rows.map((cells) => cells.map((lines) => ({ lines: lines.map((t) => ({ text: t })) }))), { how: 'text' });
    paragraph = [];
    item = null;
    rows = [];
  };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      flush();
      continue;
    }
    if (rows.length && BAR_RULE.test(line) && line.includes('|')) continue;
    const cells = cellsOf(raw);
    if (cells.length >= 2) {
      if (!rows.length) flush();
      rows.push(cells.map((cell) => [cell]));
      continue;
    }
    if (rows.length) {
      // A cell's text wrapped onto the next line ("... MA 02110-" / "1809"): it stays in the cell.
      const last = rows[rows.length - 1].at(-1)!;
      if (!/[.!?:]$/.test(last.at(-1)!) && /^[\p{Ll}\p{N}(]/u.test(line)) {
        last.push(line);
        continue;
      }
      flush();
    }
    const listed = splitListMarker(line);
    if (listed) {
      flush();
      item = { marker: listed.marker, lines: [listed.text] };
      continue;
    }
    // An indented line right under an item continues it (a wrapped bullet).
    if (item && /^\s{2,}\S/.test(raw)) {
      item.lines.push(line);
      continue;
    }
    if (item) flush();
    paragraph.push(line);
  }
  flush();
}
