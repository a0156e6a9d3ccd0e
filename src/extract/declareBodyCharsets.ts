import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { Splitter, type MimeNode, type SplitterChunk } from '@zone-eu/mailsplit';
import { detectTextEncoding } from '../ingest/textEncoding.js';

// Labels under which mailparser reads a part as UTF-8 (it decodes only other charsets).
const READ_AS_UTF8 = new Set(['', 'utf-8', 'utf8', 'us-ascii', 'ascii']);
const TEXT_TYPES = new Set(['text/plain', 'text/html']);

/**
 * The raw email with a charset declared on each text part whose bytes are 8-bit but not UTF-8
 * while its Content-Type names no charset, US-ASCII or UTF-8. mailparser reads such a part as
 * UTF-8 and turns every "é" or "’" of a windows-1252 body into U+FFFD; old mailers and scripts
 * send bodies like that. The charset is detected from the part's own bytes (decodeText's rules).
 * Parts are found with the same MIME splitter, at the same version, that mailparser uses, so the
 * parts changed are the parts mailparser reads; nothing else in the message changes, byte for byte.
 * A message that is all UTF-8 (or ASCII) is returned as it is without being split.
 */
export async function declareBodyCharsets(raw: Buffer): Promise<Buffer> {
  if (isUtf8(raw)) return raw;
  let chunks: SplitterChunk[];
  try {
    chunks = await Readable.from([raw]).pipe(new Splitter()).toArray();
  } catch {
    return raw; // mailparser meets the same error and answers for it
  }
  let changed = false;
  for (const [node, body] of textParts(chunks)) {
    const bytes = await transferDecoded(node, body);
    if (isUtf8(bytes)) continue;
    const encoding = detectTextEncoding(bytes);
    if (encoding && encoding !== 'utf-8') {
      node.setCharset(encoding);
      changed = true;
    }
  }
  if (!changed) return raw;
  return Buffer.concat(chunks.map((c) => (c.type === 'node' ? c.getHeaders() : c.value)));
}

/** Each text part that mailparser would read as UTF-8, with its body's chunks. */
function textParts(chunks: SplitterChunk[]): Map<MimeNode, Buffer[]> {
  const parts = new Map<MimeNode, Buffer[]>();
  for (const chunk of chunks) {
    if (chunk.type === 'node') {
      const charset = (chunk.charset || '').toLowerCase().trim();
      if (!chunk.multipart && TEXT_TYPES.has(chunk.contentType || 'text/plain') && READ_AS_UTF8.has(charset)) parts.set(chunk, []);
    } else if (chunk.type === 'body') {
      parts.get(chunk.node)?.push(chunk.value);
    }
  }
  return parts;
}

/** The body without its transfer encoding (base64, quoted-printable), as mailparser will see it. */
async function transferDecoded(node: MimeNode, body: Buffer[]): Promise<Buffer> {
  const decoded = await Readable.from(body).pipe(node.getDecoder()).toArray();
  return Buffer.concat(decoded.map((c: Buffer | string) => (typeof c === 'string' ? Buffer.from(c) : c)));
}
