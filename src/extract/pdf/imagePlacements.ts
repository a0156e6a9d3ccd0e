import { scanContent } from './contentTokens.js';

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
  scanContent(content, (operand) => operands.push(operand), (operator) => {
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
