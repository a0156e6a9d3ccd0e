// Deeper than any email a person writes; htmlparser2 keeps its open elements in an array it
// shifts at the front, so its time grows with depth x elements: nesting is bounded before it parses.
export const MAX_HTML_NESTING = 1000;

// Elements that hold nothing, and elements a parser closes when a sibling opens (p after p, td after
// td): neither opens a level, so thousands of unclosed cells in sloppy markup do not count as depth.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);
// [^<>]: a tag left open ends at the next "<", so the pass stays linear on "<a<a<a...".
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]*>/g;

/**
 * Whether the HTML nests elements deeper than `max`, found in one linear pass over its tags: a
 * start tag opens a level, an end tag closes down to the nearest open element of its name (and is
 * ignored when none is open), comments are skipped.
 */
export function htmlNestsDeeperThan(html: string, max = MAX_HTML_NESTING): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  for (const m of html.matchAll(TAG)) {
    const name = m[2]?.toLowerCase();
    if (!name || VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (!m[1]) {
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
      if (stack.length > max) return true;
    } else if (open.get(name)) {
      for (;;) {
        const closed = stack.pop()!;
        open.set(closed, open.get(closed)! - 1);
        if (closed === name) break;
      }
    }
  }
  return false;
}
