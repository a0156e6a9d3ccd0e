// How far the header block is followed. A Gmail export puts 20-60 lines of Received, ARC-*,
// DKIM-Signature and X-* headers (5-15 KB) before From; past these bounds nothing is a letter's email.
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_HEADER_LINES = 500;

// RFC 5322 3.6.8: a field name is printable US-ASCII except the colon; the obsolete syntax
// (4.5.8) allows white space before the colon ("Subject :"), which old mailers wrote.
const FIELD = /^([!-9;-~]+)[ \t]*:/;
// An mbox file starts each message with a line "From <sender> <date>" (no colon) before its headers.
const MBOX_FROM_LINE = /^From \S/;
// Bytes no header carries: controls other than tab (CR and LF end lines).
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * The field names of the header block an upload opens with (lower-case), or null when it does
 * not open with one: every line up to the first empty line must be a field ("Name: value") or
 * the folded continuation of one (starting with a space or a tab), after an optional mbox
 * "From " line. However many fields come first, all are read within the bounds above; a block
 * still open at the bound is judged on what was read. The bytes are read as latin1, so UTF-8
 * in a header value (RFC 6532) and 8-bit bodies do not matter here.
 */
export function readHeaderBlock(bytes: Uint8Array): Set<string> | null {
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_HEADER_BYTES)).toString('latin1');
  if (head.startsWith('\xef\xbb\xbf')) head = head.slice(3); // a UTF-8 byte order mark
  const lines = head.split(/\r?\n/, MAX_HEADER_LINES + 1);
  // A head cut at the byte bound ends in part of a line, which is not judged.
  if (bytes.byteLength > MAX_HEADER_BYTES && lines.length <= MAX_HEADER_LINES) lines.pop();
  const names = new Set<string>();
  const first = MBOX_FROM_LINE.test(lines[0] ?? '') ? 1 : 0;
  for (let i = first; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (line === '') return names.size > 0 ? names : null;
    if (CONTROL.test(line)) return null;
    if (line[0] === ' ' || line[0] === '\t') {
      if (names.size === 0) return null; // a continuation of nothing
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) return null;
    names.add(field[1].toLowerCase());
  }
  return names.size > 0 ? names : null;
}
