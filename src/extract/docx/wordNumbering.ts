import { childElement, childElements, childValue, intValue, type Element } from './wordXml.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Counts list items as Word numbers them, and gives each item its marker. */
export interface ListNumbering {
  /** The marker of the next item of list `numId` at `level` ("•", "1.", "a)"); null when that is no list. */
  next(numId: string, level: number): string | null;
}

// Symbol and Wingdings bullets are private-use characters drawn in a symbol font: say what they look like.
const SYMBOL_BULLETS: Record<string, string> = { '\uf0b7': '•', '\uf0a7': '▪', '\uf0d8': '➢', '\uf0fc': '✓', '\uf076': '❖', '\uf0a8': '□', '\uf06e': '■', o: '◦' };
const MAX_LEVEL = 8;

/**
 * numbering.xml: each w:num points to an abstract list (w:abstractNum) whose levels give a number
 * format (decimal, letters, roman, bullet), the marker text ("%1.", "%1.%2", "•") and the first
 * number; a w:num may override the start. Items are counted per list and level, deeper levels
 * restarting under a new item, which is how Word shows them.
 */
export function readWordNumbering(root: Element | null): ListNumbering {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (root) {
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const levels: Level[] = [];
      for (const lvl of childElements(abstract, 'w:lvl')) {
        const at = intValue(lvl.attribs['w:ilvl']);
        if (at === null || at < 0 || at > MAX_LEVEL) continue;
        levels[at] = { start: intValue(childValue(lvl, 'w:start')) ?? 1, format: childValue(lvl, 'w:numFmt') ?? 'decimal', text: childValue(lvl, 'w:lvlText') ?? '' };
      }
      const id = abstract.attribs['w:abstractNumId'];
      if (id !== undefined) abstracts.set(id, levels);
    }
    for (const num of childElements(root, 'w:num')) {
      const id = num.attribs['w:numId'];
      const abstractId = childValue(num, 'w:abstractNumId');
      if (id === undefined || abstractId === null) continue;
      const starts = new Map<number, number>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const at = intValue(override.attribs['w:ilvl']);
        const start = intValue(childValue(override, 'w:startOverride')) ?? intValue(childValue(childElement(override, 'w:lvl'), 'w:start'));
        if (at !== null && start !== null) starts.set(at, start);
      }
      nums.set(id, { abstractId, starts });
    }
  }

  const counters = new Map<string, number[]>();
  return {
    next(numId, rawLevel) {
      const num = nums.get(numId);
      // numId 0 switches numbering off; an unknown list is a list all the same, with a plain bullet.
      if (numId === '0') return null;
      if (!num) return '•';
      const levels = abstracts.get(num.abstractId) ?? [];
      const level = Math.min(Math.max(0, rawLevel), MAX_LEVEL);
      const def = levels[level] ?? { start: 1, format: 'bullet', text: '•' };
      if (def.format === 'none') return null;
      const startOf = (l: number) => num.starts.get(l) ?? levels[l]?.start ?? 1;
      const count = counters.get(numId) ?? [];
      count[level] = count[level] === undefined ? startOf(level) : count[level] + 1;
      count.length = level + 1;
      counters.set(numId, count);
      if (def.format === 'bullet') return SYMBOL_BULLETS[def.text] ?? (/[\ue000-\uf8ff]/.test(def.text) || !def.text.trim() ? '•' : def.text);
      const text = def.text || `%${level + 1}.`;
      return text.replace(/%([1-9])/g, (_all, d: string) => {
        const l = Number(d) - 1;
        return formatNumber(count[l] ?? startOf(l), levels[l]?.format ?? 'decimal');
      });
    },
  };
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** Word's letters: a..z, then aa..zz, then aaa..zzz. */
function letters(n: number): string {
  if (n < 1 || n > 26 * 10) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
