import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { splitListMarker } from '../layout/listMarker.js';
import type { CellInput, LineInput } from '../layout/pageBuilder.js';
import { TextTooLongError } from '../../report/errors.js';
import type { BodyBlock } from './bodyBlocks.js';
import { childStyle, hasVerticalMargin, isHidden, parseStyle, ROOT_STYLE, type TextStyle } from './htmlStyle.js';

/**
 * An HTML email body as blocks in reading order, the way a mail client shows it: paragraphs of
 * lines (a <br> or a block without margins starts a new line, a margin or an empty line a new
 * paragraph), list items with their marker and nesting level, data tables with their rows and
 * cells (merged cells and header rows kept), and pictures. Layout tables, which HTML emails use to
 * place everything, are read as the content they hold. Hidden content (<head>, <style>, <script>,
 * display:none, the preview-text trick) is skipped.
 *
 * htmlparser2 parses: forgiving of the broken HTML mail clients write, already in the tree as
 * mailparser's own HTML dependency, and fast.
 */
export function htmlBodyBlocks(html: string, options: { maxTextChars?: number } = {}): BodyBlock[] {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const flow = new Flow(measure(document.children), { chars: 0, max: options.maxTextChars ?? Infinity });
  flow.walkChildren(document.children, ROOT_STYLE, 0);
  flow.flush();
  return flow.blocks;
}

// Never shown: document metadata, code, embedded objects, form controls' option lists, Outlook's XML islands.
const SKIPPED = new Set([
  'head', 'style', 'script', 'title', 'meta', 'link', 'base', 'template', 'noscript', 'svg', 'math', 'object', 'embed',
  'iframe', 'frame', 'frameset', 'xml', 'select', 'datalist', 'audio', 'video', 'canvas', 'map', 'input', 'o:smarttagtype',
]);
// Block elements: they start a line of their own (and, with a vertical margin, a paragraph).
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'legend',
  'main', 'nav', 'p', 'pre', 'section', 'summary', 'caption', 'listing', 'plaintext', 'xmp',
]);
const BLOCK_DISPLAY = /^(?:block|flex|grid|list-item|table|table-row|table-cell|table-caption|inline-block|inline-flex|inline-table|flow-root)$/;
// Characters that take no room: soft hyphens, zero-width spaces and joiners (preview-text padding).
const INVISIBLE = /[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g;
// Past this depth an element's text is read flat: hostile nesting must not exhaust the stack.
const MAX_DEPTH = 200;
// A data table's cells are short; a cell holding a paragraph of prose is a layout frame.
const LONG_CELL = 250;
const MEDIUM_CELL = 100;
// More columns than any letter's table: such a grid is read as content, not as cells.
const MAX_COLUMNS = 50;

interface Run {
  text: string;
  style: TextStyle;
}

/** Per element: visible characters (not counting white space) and what it holds, for telling data tables from layout. */
interface Contents {
  chars: number;
  table: boolean;
  picture: boolean;
  heading: boolean;
  /** A no-break space: a block holding nothing else is an empty line (Outlook's <p>&nbsp;</p>). */
  nbsp: boolean;
}

const EMPTY: Contents = { chars: 0, table: false, picture: false, heading: false, nbsp: false };

class Flow {
  readonly blocks: BodyBlock[] = [];
  private lines: LineInput[] = [];
  private runs: Run[] = [];
  /** The list item being read: its first paragraph is written as the item, the ones after a nested list as paragraphs. */
  private item: { marker: string; level: number; written: boolean } | null = null;
  private listLevel = -1;

  /**
   * `budget` counts the characters read so far, across the cells' own flows: a body with more text than
   * the upload may have stops there, rather than after every cell of a huge table has been read.
   */
  constructor(
    private readonly contents: Map<Element, Contents>,
    private readonly budget: { chars: number; max: number },
  ) {}

  walkChildren(nodes: readonly AnyNode[], style: TextStyle, depth: number): void {
    for (const node of nodes) this.walk(node, style, depth);
  }

  flush(): void {
    this.endLine();
    if (this.lines.length === 0) return;
    if (this.item && !this.item.written) {
      this.blocks.push({ kind: 'item', marker: this.item.marker, level: this.item.level, lines: this.lines });
      this.item.written = true;
    } else this.blocks.push({ kind: 'paragraph', lines: this.lines });
    this.lines = [];
  }

  private walk(node: AnyNode, style: TextStyle, depth: number): void {
    if (isText(node)) return this.text(node.data, style);
    if (!isTag(node) || SKIPPED.has(node.name)) return;
    const css = parseStyle(node.attribs.style);
    if (isHidden(node.attribs, css)) return;
    const tag = node.name;
    const own = childStyle(style, tag, node.attribs, css);
    if (depth > MAX_DEPTH) return this.text(` ${flatText(node)} `, own);
    switch (tag) {
      case 'br':
        return this.lineBreak();
      case 'img':
        return this.picture(node);
      case 'hr':
        return this.paragraphBreak();
      case 'table':
        return this.table(node, own, depth);
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        return this.list(node, own, css, depth);
      case 'li':
        // An item outside any list: a browser still draws a bullet.
        return this.listItem(node, own, '•', Math.max(0, this.listLevel), depth);
    }
    const display = css.get('display');
    const block = display ? BLOCK_DISPLAY.test(display) : BLOCKS.has(tag);
    if (!block) return this.walkChildren(node.children, own, depth + 1);
    const contents = this.contents.get(node) ?? EMPTY;
    if (contents.chars === 0 && contents.nbsp && !contents.picture) {
      this.endLine();
      return this.paragraphBreak();
    }
    // A heading, a quotation and a margin set a block apart; a div only starts a new line.
    const apart = /^h[1-6]$/.test(tag) || tag === 'blockquote' || hasVerticalMargin(tag, node.attribs, css);
    const boundary = () => (apart ? this.paragraphBreak() : this.endLine());
    boundary();
    this.walkChildren(node.children, own, depth + 1);
    boundary();
  }

  private text(data: string, style: TextStyle): void {
    const text = data.replace(INVISIBLE, '');
    if (!style.pre) {
      if (text) this.runs.push({ text, style });
      return;
    }
    text.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) this.lineBreak();
      if (part) this.runs.push({ text: part, style });
    });
  }

  /** A <br>: ends the line; on a line with nothing on it, it is an empty line, which ends the paragraph. */
  private lineBreak(): void {
    if (!this.endLine()) this.paragraphBreak();
  }

  /** Inside a list item's first paragraph, a paragraph break only starts a new line of the item. */
  private paragraphBreak(): void {
    if (this.item && !this.item.written) this.endLine();
    else this.flush();
  }

  /** Ends the line being read; false when it had no visible text. */
  private endLine(): boolean {
    const runs = this.runs;
    this.runs = [];
    // White space collapses as a browser collapses it; a no-break space is a space to the reader.
    const text = runs
      .map((r) => r.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return false;
    this.budget.chars += text.length + 1;
    if (this.budget.chars > this.budget.max) throw new TextTooLongError(`The document has more than ${this.budget.max} characters of text; a letter has a few thousand.`);
    const line: LineInput = { text, ...lineLook(runs) };
    // A bullet typed as text (Outlook writes its list paragraphs that way: "· Build dashboards")
    // opens a list item. OCR's stand-ins for bullets (©, «, e, o) are left to OCR pages.
    const listed = this.item ? null : splitListMarker(text);
    if (listed && !/^(?:[«»+¢®©‘’°eco])$/u.test(listed.marker) && /[\p{L}\p{N}]/u.test(listed.text)) {
      this.flush();
      this.blocks.push({ kind: 'item', marker: listed.marker, level: 0, lines: [{ ...line, text: listed.text }] });
      return true;
    }
    this.lines.push(line);
    return true;
  }

  private picture(img: Element): void {
    if (!isVisiblePicture(img)) return;
    this.flush();
    this.blocks.push({ kind: 'picture', name: pictureName(img) });
  }

  private list(list: Element, style: TextStyle, css: Map<string, string>, depth: number): void {
    this.flush();
    const ordered = list.name === 'ol';
    const styled = (css.get('list-style-type') ?? css.get('list-style') ?? '').split(/\s+/).find((t) => t && t !== 'inside' && t !== 'outside' && !t.startsWith('url('));
    const type = styled ?? list.attribs.type ?? (ordered ? '1' : 'disc');
    let n = ordered ? parseInt(list.attribs.start ?? '1', 10) || 1 : 1;
    this.listLevel += 1;
    for (const child of list.children) {
      if (isTag(child) && child.name === 'li') {
        const liCss = parseStyle(child.attribs.style);
        if (isHidden(child.attribs, liCss)) continue;
        const value = parseInt(child.attribs.value ?? '', 10);
        if (Number.isFinite(value)) n = value;
        this.listItem(child, childStyle(style, 'li', child.attribs, liCss), listMarker(type, n, ordered), this.listLevel, depth);
        n += 1;
      } else this.walk(child, style, depth + 1);
    }
    this.listLevel -= 1;
    this.flush();
  }

  private listItem(li: Element, style: TextStyle, marker: string, level: number, depth: number): void {
    this.flush();
    const outer = this.item;
    this.item = { marker, level, written: false };
    const listLevel = this.listLevel;
    this.listLevel = level;
    this.walkChildren(li.children, style, depth + 1);
    this.flush();
    this.listLevel = listLevel;
    this.item = outer ? { ...outer, written: true } : null;
  }

  private table(table: Element, style: TextStyle, depth: number): void {
    this.flush();
    const { rows, headRows } = tableRows(table);
    const caption = table.children.find((c): c is Element => isTag(c) && c.name === 'caption');
    if (caption) {
      this.walk(caption, style, depth + 1);
      this.flush();
    }
    if (!this.isDataTable(rows)) {
      // A layout table: its cells are regions of the message, read row by row.
      for (const row of rows) {
        for (const { cell, style: cellStyle } of row) {
          this.walkChildren(cell.children, cellStyle(style), depth + 1);
          this.flush();
        }
      }
      return;
    }
    const filled = (row: TableRowCells) => row.filter(({ cell }) => (this.contents.get(cell) ?? EMPTY).chars > 0);
    const grid = this.cellGrid(rows, style, depth);
    // Header rows: <thead>, else leading rows of <th>, else a bold first row over rows that are not.
    let headerRows = headRows;
    if (headerRows === 0) {
      while (headerRows < rows.length && filled(rows[headerRows]).length > 0 && filled(rows[headerRows]).every(({ cell }) => cell.name === 'th')) headerRows++;
      if (headerRows === rows.length) headerRows = 0;
    }
    const allBold = (row: CellInput[]) => row.some((c) => c.lines.length > 0) && row.every((c) => c.lines.every((l) => l.bold));
    if (headerRows === 0 && grid.length >= 2 && allBold(grid[0]) && !allBold(grid[1])) headerRows = 1;
    this.blocks.push({ kind: 'table', rows: grid, headerRows });
  }

  /** Short cells in two columns or more, no frames inside: a table of data (terms, label/value pairs, a grid under a header row). */
  private isDataTable(rows: TableRowCells[]): boolean {
    const contentsOf = (cell: Element) => this.contents.get(cell) ?? EMPTY;
    const columns = Math.max(0, ...rows.map((row) => row.reduce((n, { cell }) => n + span(cell.attribs.colspan, 1000), 0)));
    if (columns < 2 || columns > MAX_COLUMNS) return false;
    const filled = rows.map((row) => row.filter(({ cell }) => contentsOf(cell).chars > 0));
    if (!filled.some((row) => row.length >= 2)) return false;
    const cells = filled.flat().map(({ cell }) => contentsOf(cell));
    if (cells.some((c) => c.table || c.picture || c.heading || c.chars > LONG_CELL)) return false;
    return cells.filter((c) => c.chars > MEDIUM_CELL).length * 3 <= cells.length;
  }

  /** The cells' lines, with each cell's column found as a browser finds it (merged cells from rows above take their place). */
  private cellGrid(rows: TableRowCells[], style: TextStyle, depth: number): CellInput[][] {
    // rowsLeft[c]: how many more rows a merged cell from above still covers in column c.
    const rowsLeft: number[] = [];
    return rows.map((row, r) => {
      let column = 0;
      const cells: CellInput[] = [];
      for (const { cell, style: cellStyle } of row) {
        while ((rowsLeft[column] ?? 0) > 0) column++;
        const colSpan = Math.min(span(cell.attribs.colspan, MAX_COLUMNS), MAX_COLUMNS - column);
        if (colSpan <= 0) break;
        const rowSpanAttr = cell.attribs.rowspan?.trim() === '0' ? rows.length - r : span(cell.attribs.rowspan, rows.length - r);
        const rowSpan = Math.max(1, Math.min(rowSpanAttr, rows.length - r));
        for (let c = column; c < column + colSpan; c++) rowsLeft[c] = rowSpan;
        cells.push({ lines: this.cellLines(cell, cellStyle(style), depth), colSpan, rowSpan, column });
        column += colSpan;
      }
      for (let c = 0; c < rowsLeft.length; c++) if (rowsLeft[c] > 0) rowsLeft[c] -= 1;
      return cells;
    });
  }

  /** A cell's content as lines: its paragraphs' lines, list items with their marker. */
  private cellLines(cell: Element, style: TextStyle, depth: number): LineInput[] {
    const inner = new Flow(this.contents, this.budget);
    inner.walkChildren(cell.children, style, depth + 1);
    inner.flush();
    return inner.blocks.flatMap((b): LineInput[] => {
      if (b.kind === 'paragraph') return b.lines;
      if (b.kind === 'item') return b.lines.map((l, i) => (i === 0 && b.marker ? { ...l, text: `${b.marker} ${l.text}` } : l));
      return [];
    });
  }
}

type TableRowCells = { cell: Element; style: (table: TextStyle) => TextStyle }[];

/** The table's own rows (not a nested table's), in document order, and how many came from <thead>. */
function tableRows(table: Element): { rows: TableRowCells[]; headRows: number } {
  const rows: TableRowCells[] = [];
  let headRows = 0;
  const visible = (el: Element) => !isHidden(el.attribs, parseStyle(el.attribs.style));
  const styleOf = (el: Element, parent: (s: TextStyle) => TextStyle) => (s: TextStyle) => childStyle(parent(s), el.name, el.attribs, parseStyle(el.attribs.style));
  const addRow = (tr: Element, parent: (s: TextStyle) => TextStyle) => {
    const rowStyle = styleOf(tr, parent);
    rows.push(tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th') && visible(c)).map((cell) => ({ cell, style: styleOf(cell, rowStyle) })));
  };
  for (const child of table.children) {
    if (!isTag(child) || !visible(child)) continue;
    if (child.name === 'tr') addRow(child, (s) => s);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      const sectionStyle = styleOf(child, (s) => s);
      for (const tr of child.children) {
        if (!isTag(tr) || tr.name !== 'tr' || !visible(tr)) continue;
        addRow(tr, sectionStyle);
        if (child.name === 'thead' && headRows === rows.length - 1) headRows++;
      }
    }
  }
  return { rows, headRows };
}

function span(value: string | undefined, max: number): number {
  const n = parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function lineLook(runs: readonly Run[]): { bold: boolean; fontSize: number | null } {
  const seen = runs.filter((r) => /\S/.test(r.text));
  const sizes = new Map<number | null, number>();
  for (const r of seen) sizes.set(r.style.fontSize, (sizes.get(r.style.fontSize) ?? 0) + r.text.replace(/\s/g, '').length);
  let fontSize: number | null = null;
  let most = -1;
  for (const [size, count] of sizes) if (count > most) [fontSize, most] = [size, count];
  return { bold: seen.length > 0 && seen.every((r) => r.style.bold), fontSize };
}

function listMarker(type: string, n: number, ordered: boolean): string {
  switch (type) {
    case 'none':
      return '';
    case 'disc':
    case 'circle':
    case 'square':
      return '•';
    case 'a':
    case 'lower-alpha':
    case 'lower-latin':
      return `${alpha(n)}.`;
    case 'A':
    case 'upper-alpha':
    case 'upper-latin':
      return `${alpha(n).toUpperCase()}.`;
    case 'i':
    case 'lower-roman':
      return `${roman(n)}.`;
    case 'I':
    case 'upper-roman':
      return `${roman(n).toUpperCase()}.`;
    default:
      return ordered ? `${n}.` : '•';
  }
}

function alpha(n: number): string {
  let s = '';
  for (let k = Math.max(1, n); k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const digits: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [value, letters] of digits) for (; n >= value; n -= value) s += letters;
  return s;
}

/** What the email calls a picture: its alt text, its title, or its file name (a cid: reference names the attached file). */
function pictureName(img: Element): string | null {
  const said = (img.attribs.alt ?? '').trim() || (img.attribs.title ?? '').trim();
  if (said) return said.replace(/\s+/g, ' ');
  const src = (img.attribs.src ?? '').trim();
  if (!src || /^data:/i.test(src)) return null;
  const path = /^cid:/i.test(src) ? src.slice(4).split('@')[0] : (src.split(/[?#]/)[0].split('/').pop() ?? '');
  try {
    return decodeURIComponent(path) || null;
  } catch {
    return path || null;
  }
}

/** The visible text under an element, read without recursion (for content nested past MAX_DEPTH). */
function flatText(root: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && !SKIPPED.has(node.name)) {
      if (node.name === 'br' || BLOCKS.has(node.name)) parts.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return parts.join('');
}

/** What each element holds, computed bottom-up once (without recursion), so that classifying nested tables stays linear. */
function measure(roots: readonly AnyNode[]): Map<Element, Contents> {
  const out = new Map<Element, Contents>();
  const stack: { node: Element; done: boolean }[] = [];
  const visit = (node: AnyNode) => {
    if (isTag(node)) stack.push({ node, done: false });
  };
  roots.forEach(visit);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.done) {
      top.done = true;
      const el = top.node;
      if (SKIPPED.has(el.name) || isHidden(el.attribs, parseStyle(el.attribs.style))) {
        out.set(el, EMPTY);
        stack.pop();
        continue;
      }
      for (const child of el.children) visit(child);
      continue;
    }
    stack.pop();
    const el = top.node;
    const c: Contents = { ...EMPTY };
    for (const child of el.children) {
      if (isText(child)) {
        c.chars += child.data.replace(INVISIBLE, '').replace(/\s/g, '').length;
        c.nbsp ||= child.data.includes('\u00a0');
      } else if (isTag(child)) {
        const inner = out.get(child) ?? EMPTY;
        c.chars += inner.chars;
        c.table ||= inner.table || (child.name === 'table' && inner !== EMPTY);
        c.picture ||= inner.picture || (child.name === 'img' && inner !== EMPTY && isVisiblePicture(child));
        c.heading ||= inner.heading || (/^h[1-6]$/.test(child.name) && inner.chars > 0);
        c.nbsp ||= inner.nbsp;
      }
    }
    out.set(el, c);
  }
  return out;
}

/** A 1x1 tracking pixel or a spacer is not a picture anyone sees. */
function isVisiblePicture(img: Element): boolean {
  const css = parseStyle(img.attribs.style);
  const width = parseFloat(img.attribs.width ?? css.get('width') ?? '');
  const height = parseFloat(img.attribs.height ?? css.get('height') ?? '');
  return !(width <= 2 || height <= 2);
}
