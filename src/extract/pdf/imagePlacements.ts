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

/** The rectangles of the pictures the content draws, in drawing order; null when a name cannot be followed. */
export function imagePlacements(content: string, lookup: XObjectLookup, ctm: Matrix = IDENTITY, depth = 0): UserRect[] | null {
  if (depth > MAX_FORM_DEPTH) return null;
  const out: UserRect[] = [];
  const stack: Matrix[] = [];
  let current = ctm;
  const operands: (number | string | null)[] = [];
  let failed = false;
  scan(content, (operand) => operands.push(operand), (operator) => {
    switch (operator) {
      case 'q':
        stack.push(current);
        break;
      case 'Q':
        current = stack.pop() ?? current;
        break;
      case 'cm': {
        const m = operands.slice(-6);
        if (m.length === 6 && m.every((v) => typeof v === 'number')) current = multiply(m as Matrix, current);
        break;
      }
      case 'BI':
        out.push(unitSquare(current));
        break;
      case 'Do': {
        const name = operands[operands.length - 1];
        const target = typeof name === 'string' ? lookup(name) : null;
        if (target === null) failed = true;
        else if (target.kind === 'image') out.push(unitSquare(current));
        else if (target.kind === 'form') {
          const inner = imagePlacements(target.content, target.lookup, multiply(target.matrix, current), depth + 1);
          if (inner === null) failed = true;
          else out.push(...inner);
        }
        break;
      }
    }
    operands.length = 0;
    return !failed && out.length <= MAX_PICTURES;
  });
  return failed || out.length > MAX_PICTURES ? null : out;
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
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Calls `operand` with each operand (numbers and names as values; strings, arrays and
 * dictionaries as null, never needed here) and `operator` with each operator, until it returns
 * false. Text objects (BT ... ET) are passed over unread: nothing that moves a picture may stand
 * in them, and they are most of a letter's content. An inline image's data after ID is skipped
 * to its EI.
 */
function scan(s: string, operand: (value: number | string | null) => void, operator: (name: string) => boolean): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    if (c === 0x2f /* / */) {
      let j = i + 1;
      while (j < n && !WHITE.has(s.charCodeAt(j)) && !DELIMITER.has(s.charCodeAt(j))) j++;
      operand(s.slice(i + 1, j));
      i = j;
      continue;
    }
    if (c === 0x28 /* ( */) {
      i = skipString(s, i);
      operand(null);
      continue;
    }
    if (c === 0x3c /* < */ || c === 0x5b /* [ */) {
      i = skipNested(s, i);
      operand(null);
      continue;
    }
    if (DELIMITER.has(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !WHITE.has(s.charCodeAt(j)) && !DELIMITER.has(s.charCodeAt(j))) j++;
    const word = s.slice(i, j);
    i = j;
    if (NUMBER.test(word)) {
      operand(Number(word));
    } else if (word === 'BT') {
      i = endOfTextObject(s, i);
    } else if (word === 'ID') {
      // The image data runs to the first "EI" standing alone between white space.
      const end = /\sEI(?:\s|$)/g;
      end.lastIndex = i + 1;
      const m = end.exec(s);
      i = m ? m.index + 3 : n;
    } else if (!operator(word)) {
      return;
    }
  }
}

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

/** Past a hex string, a dictionary or an array, with whatever it nests (strings included). */
function skipNested(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '(') {
      i = skipString(s, i);
      continue;
    }
    if (ch === '<' || ch === '[') depth++;
    else if ((ch === '>' || ch === ']') && --depth === 0) return i + 1;
    i++;
  }
  return s.length;
}
