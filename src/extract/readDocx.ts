/**
 * What is left of the old mammoth-based Word reader: the email readers still turn an HTML body into
 * lines with htmlToText. Word documents are read from their XML by src/extract/docx/readDocxPage.ts.
 */
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? all;
  });
}

/** Simple, regular HTML (paragraphs, lists, tables) to lines; table rows become "a | b" lines. */
export function htmlToText(html: string): string {
  return decodeXml(
    html
      // A cell's own paragraphs stay on its row.
      .replace(/<t([dh])([^>]*)>([\s\S]*?)<\/t[dh]>/g, (_all, t: string, attrs: string, inner: string) =>
        `<t${t}${attrs}>${inner.replace(/<\/p>\s*<p[^>]*>/g, ' ').replace(/<\/?p[^>]*>/g, '')}</t${t}>`,
      )
      .replace(/<\/t[dh]>\s*<t[dh][^>]*>/g, ' | ')
      .replace(/<(?:\/p|\/h\d|\/li|\/tr|br\s*\/?)>/g, '\n')
      .replace(/<li[^>]*>/g, '\n• ')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
