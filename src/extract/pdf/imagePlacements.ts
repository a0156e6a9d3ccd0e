/**
 * Where a content stream draws its pictures: each image's unit square through the current
 * transformation matrix (q/Q save and restore it, cm multiplies it), for `Do` of an image XObject,
 * `Do` of a form (its /Matrix, then its own content), and inline images (BI ... ID ... EI).
 * Only the operators that move pictures are read; nothing is decoded.
 */

/** [a, b, c, d, e, f], as PDF writes a matrix. */
export type Matrix = [number, number, number, number, number, number];

/** A rectangle in PDF user space (y up). */
export interface UserRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a name painted with `Do` is: an image, a form with its content, or something else (skipped). */
export type XObjectLookup = (name: string) => { kind: 'image' } | { kind: 'form'; content: string; matrix: Matrix; lookup: XObjectLookup } | { kind: 'other' } | null;

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const MAX_FORM_DEPTH = 8;
const MAX_PICTURES = 256;

// The operators that move pictures (q, Q, cm, Do, an inline image's BI) and BT, which opens a text
// object: each a word between delimiters. One native pattern finds them; what lies between (paths,
// colours, text) is never tokenized, and text objects are passed over whole.
const OPERATOR = /(?:^|[\s\])>}])(q|Q|cm|Do|BI|BT)(?=[\s[<(/%{]|$)/g;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;
const NAME = /^\/([^\s/<>[\]()%{}]+)$/;

/** The rectangles of the pictures the content draws, in drawing order; null when a name cannot be followed. */
export function imagePlacements(content: string, lookup: XObjectLookup, ctm: Matrix = IDENTITY, depth = 0): UserRect[] | null {
  if (depth > MAX_FORM_DEPTH) return null;
  const out: UserRect[] = [];
  const stack: Matrix[] = [];
  let current = ctm;
  const operator = OPERATOR;
  operator.lastIndex = 0;
  for (let m = operator.exec(content); m; m = operator.exec(content)) {
    // The operands stand just before their operator: the last words before it.
    const at = operator.lastIndex - m[1].length;
    const operands = (count: number) => wordsBefore(content, at, count);
    switch (m[1]) {
      case 'q':
        stack.push(current);
        break;
      case 'Q':
        current = stack.pop() ?? current;
        break;
      case 'cm': {
        const numbers = operands(6);
        if (numbers.length === 6 && numbers.every((n) => NUMBER.test(n))) current = multiply(numbers.map(Number) as Matrix, current);
        break;
      }
      case 'BT':
        operator.lastIndex = endOfTextObject(content, operator.lastIndex);
        break;
      case 'BI': {
        out.push(unitSquare(current));
        // The image's data runs from ID to the first EI standing alone between white space.
        const data = content.indexOf('ID', operator.lastIndex);
        const end = /\sEI(?:\s|$)/g;
        end.lastIndex = data < 0 ? content.length : data + 2;
        const found = end.exec(content);
        operator.lastIndex = found ? found.index + 3 : content.length;
        break;
      }
      case 'Do': {
        const name = NAME.exec(operands(1)[0] ?? '');
        const target = name ? lookup(name[1]) : null;
        if (target === null) return null;
        if (target.kind === 'image') out.push(unitSquare(current));
        else if (target.kind === 'form') {
          // The form is read with the same pattern: where this content was is kept and taken up again.
          const resume = operator.lastIndex;
          const inner = imagePlacements(target.content, target.lookup, multiply(target.matrix, current), depth + 1);
          operator.lastIndex = resume;
          if (inner === null) return null;
          out.push(...inner);
        }
        break;
      }
    }
    if (out.length > MAX_PICTURES) return null;
  }
  return out;
}

/** The `count` words (runs of non-white characters) that end before `at`, in order; fewer at the start of the content. */
function wordsBefore(s: string, at: number, count: number): string[] {
  const out: string[] = [];
  let i = at - 1;
  while (out.length < count) {
    while (i >= 0 && WHITE.has(s.charCodeAt(i))) i--;
    if (i < 0) break;
    const end = i + 1;
    while (i >= 0 && !WHITE.has(s.charCodeAt(i))) i--;
    out.unshift(s.slice(i + 1, end));
  }
  return out;
}

/** m1 x m2: apply m1, then m2 (PDF's order: `cm` puts its matrix before the current one). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

function unitSquare(m: Matrix): UserRect {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Just past the ET that closes the text object starting at `i`, its strings stepped over. */
function endOfTextObject(s: string, i: number): number {
  for (;;) {
    const et = s.indexOf('ET', i);
    if (et < 0) return s.length;
    const paren = s.indexOf('(', i);
    if (paren >= 0 && paren < et) {
      i = skipString(s, paren);
      continue;
    }
    const before = et === 0 ? 0x20 : s.charCodeAt(et - 1);
    const after = et + 2 >= s.length ? 0x20 : s.charCodeAt(et + 2);
    if ((WHITE.has(before) || DELIMITER.has(before)) && (WHITE.has(after) || DELIMITER.has(after))) return et + 2;
    i = et + 2;
  }
}

function skipString(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}
