/** The tokens of a PDF content stream, read as operands and operators without building anything. */

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
// The next token after white space: a name, a regular word (a number or an operator), or the
// delimiter that opens a string, a hex string, a dictionary, an array or a comment. One sticky
// pattern walks the stream at the regex engine's speed (a page's path drawing is thousands of numbers).
const TOKEN = /[\0\t\n\f\r ]*(?:\/([^\0\t\n\f\r /<>[\]()%{}]*)|([^\0\t\n\f\r /<>[\]()%{}]+)|([(<[%>\]{}]))/y;

/**
 * Calls `operand` with each operand (numbers and names as values; strings, arrays and
 * dictionaries as null, never needed here) and `operator` with each operator, until it returns
 * false. Text objects (BT ... ET) are passed over unread: they are most of a letter's content,
 * and nothing that moves a picture may stand in them. An inline image's data after ID is
 * skipped to its EI.
 */
export function scanContent(s: string, operand: (value: number | string | null) => void, operator: (name: string) => boolean): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(s);
    if (!m) return;
    i = TOKEN.lastIndex;
    const [, name, word, delimiter] = m;
    if (name !== undefined) {
      operand(name);
    } else if (word !== undefined) {
      if (NUMBER.test(word)) operand(Number(word));
      else if (word === 'BT') i = endOfTextObject(s, i);
      else if (word === 'ID') {
        // The image data runs to the first "EI" standing alone between white space.
        const end = /\sEI(?:\s|$)/g;
        end.lastIndex = i + 1;
        const found = end.exec(s);
        i = found ? found.index + 3 : n;
      } else if (!operator(word)) return;
    } else if (delimiter === '(') {
      i = skipString(s, i - 1);
      operand(null);
    } else if (delimiter === '<' || delimiter === '[') {
      i = skipNested(s, i - 1);
      operand(null);
    } else if (delimiter === '%') {
      while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
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
