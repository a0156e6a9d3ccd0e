import { splitListMarker } from '../layout/listMarker.js';
import type { LineInput } from '../layout/pageBuilder.js';
import type { WordBlock, WordCell, WordParagraph, WordTable } from './wordBlocks.js';
import type { ListNumbering } from './wordNumbering.js';
import { runFormatOf, type ParagraphStyle, type WordStyles } from './wordStyles.js';
import { childElement, childElements, childValue, intValue, onOff, type Element } from './wordXml.js';

export interface WordContext {
  styles: WordStyles;
  numbering: ListNumbering;
}

/** A stretch of a line's text with one formatting. */
interface Segment {
  text: string;
  bold: boolean;
  fontSize: number | null;
}

// Wrappers that add nothing to the text: content controls, custom XML, tracked insertions, links.
const TRANSPARENT = new Set(['w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo']);
// What draws pictures and text boxes.
const DRAWINGS = new Set(['w:drawing', 'w:pict', 'w:object']);
// A merge across more columns than this is a damaged or hostile file; Word allows 63.
const MAX_GRID_SPAN = 64;

/**
 * The blocks of a WordprocessingML container (w:body, w:hdr, w:ftr, a table cell, a text box's
 * w:txbxContent) in document order: paragraphs with their lines, bold and size, list items with
 * their markers, tables with merged cells, pictures, and the content of text boxes where they are
 * anchored. Of an mc:AlternateContent only the mc:Choice is read: the mc:Fallback repeats the same
 * text box or picture for older readers.
 */
export function readWordBlocks(container: Element, context: WordContext): WordBlock[] {
  const out: WordBlock[] = [];
  for (const child of blockChildren(container)) {
    if (child.name === 'w:p') readParagraph(child, context, out);
    else if (child.name === 'w:tbl') out.push(readTable(child, context));
  }
  return out;
}

/** Block-level children, looking through content controls, custom XML and alternate content. */
function blockChildren(container: Element): Element[] {
  const out: Element[] = [];
  for (const child of childElements(container)) {
    if (child.name === 'w:sdt') out.push(...blockChildren(childElement(child, 'w:sdtContent') ?? child));
    else if (child.name === 'w:customXml') out.push(...blockChildren(child));
    else if (child.name === 'mc:AlternateContent') {
      const chosen = chosenContent(child);
      if (chosen) out.push(...blockChildren(chosen));
    } else out.push(child);
  }
  return out;
}

/** The mc:Choice of alternate content (Word writes the Fallback for readers that know no better), or the Fallback alone. */
function chosenContent(alternate: Element): Element | null {
  return childElement(alternate, 'mc:Choice') ?? childElement(alternate, 'mc:Fallback');
}

function readParagraph(p: Element, context: WordContext, out: WordBlock[]): void {
  const pPr = childElement(p, 'w:pPr');
  const style = context.styles.paragraph(childValue(pPr, 'w:pStyle'));
  const lines: Segment[][] = [[]];
  // Pictures and text boxes anchored before the paragraph's first text come before it; others after.
  const before: WordBlock[] = [];
  const after: WordBlock[] = [];
  let sawText = false;

  const readInline = (parent: Element): void => {
    // w:del and w:moveFrom (tracked deletions, moved-away text) are not on the page: not read.
    for (const el of childElements(parent)) {
      if (el.name === 'w:r') readRun(el);
      else if (TRANSPARENT.has(el.name)) readInline(el);
      else if (el.name === 'w:sdt') readInline(childElement(el, 'w:sdtContent') ?? el);
      else if (el.name === 'mc:AlternateContent') {
        const chosen = chosenContent(el);
        if (chosen) readInline(chosen);
      } else if (DRAWINGS.has(el.name)) (sawText ? after : before).push(...readDrawing(el, context));
    }
  };

  const readRun = (run: Element): void => {
    const rPr = childElement(run, 'w:rPr');
    // Hidden text is not on the printed letter.
    if (onOff(rPr, 'w:vanish')) return;
    const own = runFormatOf(rPr);
    const character = context.styles.character(childValue(rPr, 'w:rStyle'));
    const bold = own.bold ?? character.bold ?? style.bold ?? false;
    const fontSize = own.fontSize ?? character.fontSize ?? style.fontSize;
    const add = (text: string) => {
      lines[lines.length - 1].push({ text, bold, fontSize });
      if (text.trim()) sawText = true;
    };
    const readContent = (parent: Element): void => {
      for (const el of childElements(parent)) {
        if (el.name === 'w:t') add(textOf(el));
        else if (el.name === 'w:tab' || el.name === 'w:ptab') add(' ');
        else if (el.name === 'w:br' || el.name === 'w:cr') lines.push([]);
        else if (el.name === 'w:noBreakHyphen') add('-');
        else if (DRAWINGS.has(el.name)) (sawText ? after : before).push(...readDrawing(el, context));
        else if (el.name === 'mc:AlternateContent') {
          const chosen = chosenContent(el);
          if (chosen) readContent(chosen);
        }
      }
    };
    readContent(run);
  };

  readInline(p);
  const built = lines.map(lineOf).filter((l) => (l.text ?? '').trim());
  out.push(...before);
  if (built.length > 0) out.push(paragraphBlock(built, pPr, style, context));
  out.push(...after);
}

function paragraphBlock(lines: LineInput[], pPr: Element | null, style: ParagraphStyle, context: WordContext): WordParagraph {
  const numPr = childElement(pPr, 'w:numPr');
  const own = numPr ? { numId: childValue(numPr, 'w:numId'), level: intValue(childValue(numPr, 'w:ilvl')) } : null;
  const numId = own?.numId ?? style.numbering?.numId ?? null;
  const level = own?.level ?? style.numbering?.level ?? 0;
  const marker = numId !== null ? context.numbering.next(numId, level) : null;
  if (marker) return { kind: 'paragraph', lines, list: { marker, level: Math.max(0, level) } };
  // A list typed by hand: "• Build dashboards", "1. Start date".
  const typed = style.heading ? null : splitListMarker(lines[0].text ?? '');
  if (typed) return { kind: 'paragraph', lines: [{ ...lines[0], text: typed.text }, ...lines.slice(1)], list: { marker: typed.marker, level: 0 } };
  return { kind: 'paragraph', lines, list: null };
}

/** A line's text and emphasis: bold when all its visible characters are; the size most of them have. */
function lineOf(segments: Segment[]): LineInput {
  let text = '';
  let visible = 0;
  let bold = 0;
  const sizes = new Map<number | null, number>();
  for (const s of segments) {
    text += s.text;
    const n = s.text.replace(/\s+/g, '').length;
    visible += n;
    if (s.bold) bold += n;
    sizes.set(s.fontSize, (sizes.get(s.fontSize) ?? 0) + n);
  }
  let fontSize: number | null = null;
  let most = 0;
  for (const [size, n] of sizes) {
    if (n > most) {
      most = n;
      fontSize = size;
    }
  }
  return { text, bold: visible > 0 ? bold === visible : null, fontSize };
}

function textOf(el: Element): string {
  let text = '';
  for (const child of el.children) if (child.type === 'text') text += child.data;
  return text;
}

/**
 * A w:drawing, w:pict or w:object: its pictures (DrawingML pic:pic, VML v:imagedata) and the blocks of
 * its text boxes (w:txbxContent, in a shape or a group of shapes), in document order.
 */
function readDrawing(drawing: Element, context: WordContext): WordBlock[] {
  const out: WordBlock[] = [];
  const visit = (node: Element, name: string | null): void => {
    for (const el of childElements(node)) {
      switch (el.name) {
        case 'mc:AlternateContent': {
          const chosen = chosenContent(el);
          if (chosen) visit(chosen, name);
          break;
        }
        case 'mc:Fallback':
          break;
        case 'wp:inline':
        case 'wp:anchor':
          visit(el, pictureName(childElement(el, 'wp:docPr')) ?? name);
          break;
        case 'w:txbxContent':
          out.push(...readWordBlocks(el, context));
          break;
        case 'pic:pic':
          out.push({ kind: 'picture', name: name ?? pictureName(childElement(childElement(el, 'pic:nvPicPr'), 'pic:cNvPr')) });
          break;
        case 'v:imagedata':
          out.push({ kind: 'picture', name: name ?? nonEmpty(el.attribs['o:title']) });
          break;
        case 'v:shape':
          visit(el, nonEmpty(el.attribs.alt) ?? name);
          break;
        default:
          visit(el, name);
      }
    }
  };
  visit(drawing, null);
  return out;
}

/** Alt text first (what the picture shows), else the name Word gave it. */
function pictureName(docPr: Element | null): string | null {
  return nonEmpty(docPr?.attribs.descr) ?? nonEmpty(docPr?.attribs.name);
}

function nonEmpty(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/**
 * A w:tbl: rows of cells on the table's grid. w:gridSpan gives a cell's columns; w:vMerge="restart"
 * opens a cell merged downwards and each w:vMerge continuing it below adds a row to its rowSpan
 * (the continuing cells are not cells of their own). Header rows are the leading rows marked
 * w:tblHeader (repeated on each page), or else a first row whose text is all bold above rows that are not.
 */
function readTable(tbl: Element, context: WordContext): WordTable {
  const rows: WordCell[][] = [];
  let open: (WordCell | undefined)[] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of wrappedChildren(tbl, 'w:tr')) {
    const trPr = childElement(tr, 'w:trPr');
    let column = clamp(intValue(childValue(trPr, 'w:gridBefore')) ?? 0, 0, MAX_GRID_SPAN);
    const row: WordCell[] = [];
    const nextOpen: (WordCell | undefined)[] = [];
    for (const tc of wrappedChildren(tr, 'w:tc')) {
      const tcPr = childElement(tc, 'w:tcPr');
      const span = clamp(intValue(childValue(tcPr, 'w:gridSpan')) ?? 1, 1, MAX_GRID_SPAN);
      const vMerge = childElement(tcPr, 'w:vMerge');
      const continues = vMerge !== null && (vMerge.attribs['w:val'] ?? 'continue') === 'continue';
      const blocks = readWordBlocks(tc, context);
      const origin = continues ? open[column] : undefined;
      if (origin) {
        origin.rowSpan += 1;
        origin.blocks.push(...blocks);
        for (let c = column; c < column + span; c++) nextOpen[c] = origin;
      } else {
        const cell: WordCell = { column, colSpan: span, rowSpan: 1, blocks };
        row.push(cell);
        if (vMerge) for (let c = column; c < column + span; c++) nextOpen[c] = cell;
      }
      column += span;
    }
    open = nextOpen;
    rows.push(row);
    if (inHeader && onOff(trPr, 'w:tblHeader')) headerRows += 1;
    else inHeader = false;
  }
  return { kind: 'table', rows, headerRows: headerRows > 0 ? headerRows : hasBoldFirstRow(rows) ? 1 : 0 };
}

/** Rows of a table or cells of a row, also when content controls or custom XML wrap them. */
function wrappedChildren(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of childElements(parent)) {
    if (child.name === name) out.push(child);
    else if (child.name === 'w:sdt') out.push(...wrappedChildren(childElement(child, 'w:sdtContent') ?? child, name));
    else if (child.name === 'w:customXml') out.push(...wrappedChildren(child, name));
  }
  return out;
}

/** A first row of bold text over rows that are not bold names the columns. */
function hasBoldFirstRow(rows: WordCell[][]): boolean {
  if (rows.length < 2) return false;
  const allBold = (row: WordCell[]) => {
    const lines = row.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines : [])));
    return lines.length > 0 && lines.every((l) => l.bold === true);
  };
  return allBold(rows[0]) && rows.slice(1).some((r) => r.length > 0 && !allBold(r));
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
