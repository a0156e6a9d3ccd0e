import { DocumentEncryptedError } from '../report/errors.js';

const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * An OLE2 compound file that is not a Word 97-2003 document is an Outlook .msg, or a
 * password-protected .docx: Office wraps the encrypted zip in one, as a stream named
 * EncryptedPackage (stream names are stored as UTF-16 in the directory). Finding it tells the
 * student what to send instead, rather than a vague "not an Outlook message".
 */
export function inspectCompoundFile(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(ENCRYPTED_PACKAGE)) throw new DocumentEncryptedError('The Word document is protected by a password. Send a copy without a password.');
}
