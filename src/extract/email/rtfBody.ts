import { createRequire } from 'node:module';
import { decodeCodepage } from './decodeCodepage.js';

// CommonJS packages: required, their types are exact.
const { decompressRTF } = createRequire(import.meta.url)('@kenjiuno/decompressrtf') as typeof import('@kenjiuno/decompressrtf');
const { deEncapsulateSync } = createRequire(import.meta.url)('rtf-stream-parser') as typeof import('rtf-stream-parser');

// A letter's RTF body is tens of kilobytes. The decompressor trusts the sizes in the header and
// grows a plain array as it goes (up to ~9 output bytes per input byte): larger bodies are not read.
const MAX_COMPRESSED_BYTES = 1024 * 1024;
const MAX_RAW_BYTES = 8 * 1024 * 1024;

/**
 * An Outlook message's body from its compressed RTF (PR_RTF_COMPRESSED, MS-OXRTFCP), which is the
 * only rich body many .msg files carry. Outlook wraps an HTML message in RTF (\fromhtml, MS-OXRTFEX)
 * and a plain one too (\fromtext): rtf-stream-parser unwraps either, the way msgreader's author
 * advises (msgreader issues #25, #57). RTF written natively (no \fromhtml or \fromtext) has no HTML
 * to recover; the message's plain body is used for it instead. Null when there is nothing usable.
 */
export function rtfBody(compressed: Uint8Array): { kind: 'html'; html: string } | { kind: 'text'; text: string } | null {
  if (compressed.length < 16 || compressed.length > MAX_COMPRESSED_BYTES) return null;
  const view = new DataView(compressed.buffer, compressed.byteOffset, compressed.byteLength);
  const compressedSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  // The decompressor reads to the declared end: past the real end it would make up zeros.
  if (compressedSize + 4 > compressed.length || rawSize > MAX_RAW_BYTES) return null;
  try {
    const rtf = Buffer.from(decompressRTF(Array.from(compressed)));
    const result = deEncapsulateSync(rtf, {
      mode: 'either',
      decode: (bytes: Buffer, encoding: string) => decodeCodepage(bytes, encoding),
      // The parser's warnings quote the message: never to the console.
      warn: () => undefined,
    });
    const text = typeof result.text === 'string' ? result.text : result.text.toString('utf8');
    if (!text.trim()) return null;
    return result.mode === 'html' ? { kind: 'html', html: text } : { kind: 'text', text };
  } catch {
    return null;
  }
}
