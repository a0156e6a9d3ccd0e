import type { BodyBlock } from './bodyBlocks.js';

/**
 * A forwarded or quoted message inside an email body keeps its own headers as text ("From: Dana
 * Lee <dana@...>", "To: Priya Raman <priya@...>"): the student is often named only there. Each group
 * of such header lines becomes a paragraph of its own, one header per line, so the layout view pairs
 * them ("To" -> "Priya Raman <priya@...>"); the line that introduces the quoted message
 * ("---------- Forwarded message ---------", "On Mon, Jun 1, 2027, Dana Lee wrote:") stands alone too.
 */

// The headers mail clients print above a forwarded or quoted message.
const HEADER_LINE = /^(?:from|to|cc|bcc|date|sent|subject|reply-to)\s*:\s*\S/i;
const HEADER_LABEL = /^(from|to|cc|bcc|date|sent|subject|reply-to)\s*:?$/i;
// A header group names a sender or a recipient: "Date: June 1" alone is a letter's line, not headers.
const ADDRESSING = /^(?:from|to)\s*:/i;
const SEPARATOR = /^(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:?|_{10,}|-{10,})$/i;
const ATTRIBUTION = /^on\s.{6,300}\swrote:$/i;

type Segment = { kind: 'text' | 'headers' | 'intro'; from: number; to: number };

/** Splits lines into runs: header groups, introducing lines, and the text between them. */
function segmentLines(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  const push = (kind: Segment['kind'], from: number, to: number) => {
    const last = out.at(-1);
    if (kind === 'text' && last?.kind === 'text' && last.to === from) last.to = to;
    else out.push({ kind, from, to });
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i].trim();
    if (SEPARATOR.test(line) || ATTRIBUTION.test(line)) {
      push('intro', i, i + 1);
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && HEADER_LINE.test(lines[end].trim())) end++;
    if (end - i >= 2 && lines.slice(i, end).some((l) => ADDRESSING.test(l.trim()))) {
      push('headers', i, end);
      i = end;
      continue;
    }
    push('text', i, Math.max(end, i + 1));
    i = Math.max(end, i + 1);
  }
  return out;
}

/** The body's blocks with each header group and introducing line in a paragraph of its own. */
export function separateHeaderGroups(blocks: readonly BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.push(headerTableAsParagraph(block) ?? block);
      continue;
    }
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    const segments = segmentLines(block.lines.map((l) => l.text ?? ''));
    if (segments.length <= 1) {
      out.push(block);
      continue;
    }
    for (const s of segments) out.push({ kind: 'paragraph', lines: block.lines.slice(s.from, s.to) });
  }
  return out;
}

/**
 * A table of headers ("From:" | "Dana Lee <dana@...>", as mailparser renders an embedded message)
 * is written as "From: Dana Lee <dana@...>" lines, like the header group of any other forward.
 */
function headerTableAsParagraph(table: Extract<BodyBlock, { kind: 'table' }>): BodyBlock | null {
  const texts = table.rows.map((row) => row.map((cell) => cell.lines.map((l) => l.text ?? '').join(' ').trim()).filter(Boolean));
  if (texts.length < 2 || !texts.every((row) => row.length === 2 && HEADER_LABEL.test(row[0]))) return null;
  if (!texts.some((row) => ADDRESSING.test(`${row[0].replace(/:$/, '')}:`))) return null;
  return { kind: 'paragraph', lines: texts.map(([label, value]) => ({ text: `${label.replace(/\s*:$/, '')}: ${value}` })) };
}

/**
 * The same for a plain-text body, before it is split into blocks: quote marks ("> ") come off,
 * header groups and introducing lines get a blank line around them, and a header folded onto an
 * indented next line is joined back to it.
 */
export function separateHeaderGroupsInText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.replace(/^(?:[ \t]*>)+[ \t]?/, ''));
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && /^[ \t]+\S/.test(line) && HEADER_LINE.test(previous.trim()) && /[,;]\s*$/.test(previous)) joined[joined.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    else joined.push(line);
  }
  const out: string[] = [];
  for (const s of segmentLines(joined)) {
    const part = joined.slice(s.from, s.to);
    if (s.kind === 'text') out.push(...part);
    else out.push('', ...part.map((l) => l.trim()), '');
  }
  return out.join('\n');
}
