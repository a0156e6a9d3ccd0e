import { deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  store?: boolean;
  /** Lie in the central directory about the uncompressed size. */
  declaredSize?: number;
  /** Name written in the local header, when it should differ from the directory's. */
  localName?: string;
  flags?: number;
  method?: number;
  /** Extra field written in the central directory entry. */
  extra?: Buffer;
  /** Point this entry's directory record at another entry's local header (overlapping entries). */
  sameDataAs?: number;
}

export interface ZipOptions {
  /** Write a ZIP64 end-of-central-directory locator before the end record. */
  zip64Locator?: boolean;
  comment?: Buffer;
  /** Override the entry count in the end record. */
  entryCount?: number;
  /** Bytes placed before the first local header. */
  prefix?: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip written byte by byte, so that tests can make it lie in exactly one place. */
export function buildZip(entries: ZipEntryInput[], options: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  if (options.prefix) push(options.prefix);
  const locals: { offset: number; compressed: number; crc: number; size: number; method: number }[] = [];
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const method = entry.method ?? (entry.store ? 0 : 8);
    const body = method === 8 ? deflateRawSync(raw, { level: 9 }) : raw;
    const crc = crc32(raw);
    if (entry.sameDataAs !== undefined) {
      locals.push({ ...locals[entry.sameDataAs], size: entry.declaredSize ?? locals[entry.sameDataAs].size });
    } else {
      const localName = Buffer.from(entry.localName ?? entry.name);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(entry.flags ?? 0, 6);
      header.writeUInt16LE(method, 8);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(body.length, 18);
      header.writeUInt32LE(entry.declaredSize ?? raw.length, 22);
      header.writeUInt16LE(localName.length, 26);
      locals.push({ offset, compressed: body.length, crc, size: entry.declaredSize ?? raw.length, method });
      push(header);
      push(localName);
      push(body);
    }
  }
  const directoryOffset = offset;
  entries.forEach((entry, i) => {
    const local = locals[i];
    const name = Buffer.from(entry.name);
    const extra = entry.extra ?? Buffer.alloc(0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.flags ?? 0, 8);
    record.writeUInt16LE(local.method, 10);
    record.writeUInt32LE(local.crc, 16);
    record.writeUInt32LE(local.compressed, 20);
    record.writeUInt32LE(local.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(local.offset, 42);
    central.push(record, name, extra);
  });
  const directory = Buffer.concat(central);
  push(directory);
  if (options.zip64Locator) {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    push(locator);
  }
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.entryCount ?? entries.length, 8);
  end.writeUInt16LE(options.entryCount ?? entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return Buffer.concat(chunks);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function documentXml(paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** The smallest Word document mammoth reads, plus any extra parts (macros, relationships, media). */
export function buildDocx(paragraphs: string[], extra: ZipEntryInput[] = [], options: { mainContentType?: string; zip?: ZipOptions } = {}): Buffer {
  return buildZip(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES(options.mainContentType ?? DOCX_MAIN) },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'word/document.xml', data: documentXml(paragraphs) },
      ...extra,
    ],
    options.zip,
  );
}
