import { DocumentEncryptedError, UnsupportedMediaTypeError } from '../report/errors.js';

function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');
const WORD_97 = utf16('WordDocument');
const OUTLOOK_PROPERTIES = utf16('__properties_version1.0');

/**
 * An OLE2 compound file is an Outlook .msg, but also a password-protected .docx (Office wraps the
 * encrypted zip in one, as a stream named EncryptedPackage) or an old Word 97 .doc. Stream names are
 * stored as UTF-16 in the directory; finding them tells the student what to send instead, rather
 * than a vague "not an Outlook message".
 */
export function inspectCompoundFile(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(ENCRYPTED_PACKAGE)) throw new DocumentEncryptedError('The Word document is protected by a password. Send a copy without a password.');
  if (buf.includes(WORD_97) && !buf.includes(OUTLOOK_PROPERTIES)) {
    throw new UnsupportedMediaTypeError('This is an old Word 97-2003 (.doc) file. Save it as .docx or PDF and send that.');
  }
}
