import type { CheckOptions } from '../checker.js';

/** One document of a letter as it travels: its bytes and what the client said of them. */
export interface LetterDocument {
  bytes: Buffer;
  declaredType: string | null;
  fileName: string | null;
}

/**
 * A letter as it travels to a worker: its documents (one, or a student's case: the letter first,
 * then the documents sent after it, checked together) and the options the check is given. A worker
 * checks it with checker.checkCase, which for one document is the same as checker.check.
 */
export interface Letter {
  documents: LetterDocument[];
  options: Omit<CheckOptions, 'declaredType' | 'fileName'>;
}

/** What the header says of each document: the bytes follow the header in this order. */
interface Header {
  options: Letter['options'];
  documents: { length: number; declaredType: string | null; fileName: string | null }[];
}

/**
 * One buffer for a letter and its options (which may hold the student's name), to be sealed whole:
 * a 4-byte length, a JSON header (the options, each document's type, name and length), then the
 * documents' bytes untouched, one after another (no base64 inflation).
 */
export function packLetter({ documents, options }: Letter): Buffer {
  const header: Header = { options, documents: documents.map((d) => ({ length: d.bytes.length, declaredType: d.declaredType, fileName: d.fileName })) };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, ...documents.map((d) => d.bytes)]);
}

export function unpackLetter(packed: Buffer): Letter {
  const length = packed.readUInt32BE(0);
  const header = JSON.parse(packed.subarray(4, 4 + length).toString('utf8')) as Header;
  let offset = 4 + length;
  const documents = header.documents.map(({ length: size, declaredType, fileName }) => {
    const bytes = packed.subarray(offset, offset + size);
    offset += size;
    return { bytes, declaredType, fileName };
  });
  return { options: header.options, documents };
}
