import type { ExtractionNotice } from '../document/letterDocument.js';
import { DocumentEncryptedError, DocumentUnreadableError, UnsupportedMediaTypeError } from '../report/errors.js';
import { readCompoundFile } from './readCompoundFile.js';

// The File Information Block opens the WordDocument stream ([MS-DOC] 2.5.2).
const FIB_BYTES = 0x20;
const W_IDENT = 0xa5ec;
// Word 97 writes nFib 193 (0xC1); Word 6.0 and 95 wrote 101-104, a format the reader does not know.
const MIN_WORD97_NFIB = 0xc0;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE = 0x0200;
const F_OBFUSCATED = 0x8000;

/**
 * A Word 97-2003 .doc before any reader opens it: its compound-file structure checked (no chain
 * that loops or leaves the file, see readCompoundFile), a WordDocument stream that starts with a
 * Word 97 File Information Block, the table stream that block names, and no encryption (the text
 * of an encrypted .doc is ciphertext). Macros (a Macros storage, as Word 97-2003 keeps VBA) are
 * reported, never run.
 */
export function inspectWordDocument(bytes: Uint8Array): ExtractionNotice[] {
  const file = readCompoundFile(bytes);
  const word = file.rootStreams.get('WordDocument');
  if (!word) throw new UnsupportedMediaTypeError('This Office file is not a Word document. Send the offer letter as PDF or Word.');
  const fib = file.read(word, FIB_BYTES);
  if (fib.length < FIB_BYTES || fib.readUInt16LE(0) !== W_IDENT) throw new DocumentUnreadableError('The Word 97-2003 document is damaged: its WordDocument stream does not start as Word writes it.');
  const nFib = fib.readUInt16LE(2);
  if (nFib < MIN_WORD97_NFIB) throw new UnsupportedMediaTypeError('This is a Word 6.0/95 document, older than Word 97. Save it as .docx or PDF and send that.');
  const flags = fib.readUInt16LE(0x0a);
  if (flags & (F_ENCRYPTED | F_OBFUSCATED)) throw new DocumentEncryptedError('The Word document is protected by a password. Send a copy without a password.');
  const table = file.rootStreams.get(flags & F_WHICH_TABLE ? '1Table' : '0Table');
  if (!table) throw new DocumentUnreadableError('The Word 97-2003 document is damaged: its table stream is missing.');
  return file.rootStorages.has('Macros') ? [{ code: 'DOCUMENT_HAS_MACROS', message: 'The Word document contains macros. They were not run.' }] : [];
}
