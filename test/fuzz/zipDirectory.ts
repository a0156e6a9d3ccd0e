import type { FuzzInput } from './corpus.js';

// PKWARE APPNOTE 4.3.12 (central directory file header) and 4.3.16 (end of central directory record).
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

interface CentralRecord {
  /** The record's bytes, header, name, extra field and comment. */
  bytes: Buffer;
  name: string;
}

interface ZipLayout {
  /** Everything before the central directory: the local headers and data. */
  body: Buffer;
  records: CentralRecord[];
  eocd: Buffer;
}

/** Splits a zip into its entries' data, its central directory records and its end record; null when it is not that simple a zip. */
export function parseZipLayout(bytes: Buffer): ZipLayout | null {
  const eocdAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocdAt < 0 || eocdAt + 22 > bytes.length || bytes.readUInt32LE(eocdAt) !== EOCD_SIGNATURE) return null;
  const count = bytes.readUInt16LE(eocdAt + 10);
  const cdOffset = bytes.readUInt32LE(eocdAt + 16);
  if (cdOffset > eocdAt) return null;
  const records: CentralRecord[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocdAt || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const size = 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    records.push({ bytes: Buffer.from(bytes.subarray(at, at + size)), name: bytes.subarray(at + 46, at + 46 + nameLength).toString('latin1') });
    at += size;
  }
  return { body: Buffer.from(bytes.subarray(0, cdOffset)), records, eocd: Buffer.from(bytes.subarray(eocdAt)) };
}

/** The zip again, with the end record's count, size and offset made to fit the records given (unless `keepEnd`). */
function assemble(layout: ZipLayout, records: CentralRecord[], keepEnd = false): Buffer {
  const directory = Buffer.concat(records.map((r) => r.bytes));
  const eocd = Buffer.from(layout.eocd);
  if (!keepEnd) {
    eocd.writeUInt16LE(Math.min(0xffff, records.length), 8);
    eocd.writeUInt16LE(Math.min(0xffff, records.length), 10);
    eocd.writeUInt32LE(directory.length, 12);
    eocd.writeUInt32LE(layout.body.length, 16);
  }
  return Buffer.concat([layout.body, directory, eocd]);
}

function withField(record: CentralRecord, change: (bytes: Buffer) => void): CentralRecord {
  const bytes = Buffer.from(record.bytes);
  change(bytes);
  return { ...record, bytes };
}

/** A central directory record with a ZIP64 extended-information extra field (APPNOTE 4.5.3) claiming the sizes given. */
function withZip64Extra(record: CentralRecord, uncompressed: bigint, compressed: bigint): CentralRecord {
  const nameLength = record.bytes.readUInt16LE(28);
  const extraLength = record.bytes.readUInt16LE(30);
  const extra = Buffer.alloc(4 + 16);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(uncompressed, 4);
  extra.writeBigUInt64LE(compressed, 12);
  const head = Buffer.from(record.bytes.subarray(0, 46 + nameLength + extraLength));
  head.writeUInt32LE(0xffffffff, 20);
  head.writeUInt32LE(0xffffffff, 24);
  head.writeUInt16LE(extraLength + extra.length, 30);
  return { ...record, bytes: Buffer.concat([head, extra, record.bytes.subarray(46 + nameLength + extraLength)]) };
}

/**
 * Structured mutations of a zip's central directory and end record, where a reader learns where
 * everything is: entry counts that disagree, offsets and sizes out of range or pointing at other
 * entries, compression methods and flags no reader handles, duplicate and missing names, records
 * repeated thousands of times, ZIP64 extra fields and end records, two end records.
 */
export function zipDirectoryMutations(seed: FuzzInput, random: () => number, count: number): FuzzInput[] {
  const layout = parseZipLayout(seed.bytes);
  if (!layout || layout.records.length < 2) return [];
  const { records } = layout;
  const pick = () => Math.floor(random() * records.length);
  const documentIndex = records.findIndex((r) => r.name === 'word/document.xml');
  const out: FuzzInput[] = [];
  const add = (what: string, bytes: Buffer) => out.push({ ...seed, name: `${seed.name} zip: ${what}`, bytes });
  const entry = (what: (name: string) => string, change: (bytes: Buffer) => void, index = pick()) =>
    add(what(records[index].name), assemble(layout, records.map((r, i) => (i === index ? withField(r, change) : r))));
  const end = (what: string, change: (eocd: Buffer) => void) => {
    const eocd = Buffer.from(layout.eocd);
    change(eocd);
    add(what, assemble({ ...layout, eocd }, records, true));
  };
  const documentOr = () => (documentIndex >= 0 ? documentIndex : pick());

  const kinds: (() => void)[] = [
    () => end('the end record counts no entries', (e) => (e.writeUInt16LE(0, 8), e.writeUInt16LE(0, 10))),
    () => end('the end record counts 5 entries more than there are', (e) => e.writeUInt16LE(records.length + 5, 10)),
    () => end('the end record counts 65535 entries', (e) => (e.writeUInt16LE(0xffff, 8), e.writeUInt16LE(0xffff, 10))),
    () => end('the end record disagrees with itself on the count', (e) => e.writeUInt16LE(1, 8)),
    () => end('the end record says the archive is split over 3 disks', (e) => (e.writeUInt16LE(2, 4), e.writeUInt16LE(2, 6))),
    () => end('the directory offset is 0', (e) => e.writeUInt32LE(0, 16)),
    () => end('the directory offset is past the end of the file', (e) => e.writeUInt32LE(seed.bytes.length + 4096, 16)),
    () => end('the directory offset is 0xffffffff', (e) => e.writeUInt32LE(0xffffffff, 16)),
    () => end('the directory size is 0', (e) => e.writeUInt32LE(0, 12)),
    () => end('the directory size is 4 GB', (e) => e.writeUInt32LE(0xfffffff0, 12)),
    () => end('the comment length runs past the file', (e) => e.writeUInt16LE(0xffff, 20)),
    () => entry((n) => `${n} declares 0 bytes uncompressed`, (b) => b.writeUInt32LE(0, 24), documentOr()),
    () => entry((n) => `${n} declares 1 byte uncompressed`, (b) => b.writeUInt32LE(1, 24), documentOr()),
    () => entry((n) => `${n} declares 4 GB uncompressed`, (b) => b.writeUInt32LE(0xfffffffe, 24), documentOr()),
    () => entry((n) => `${n} declares 0 bytes compressed`, (b) => b.writeUInt32LE(0, 20)),
    () => entry((n) => `${n} declares 1 GB compressed`, (b) => b.writeUInt32LE(1 << 30, 20)),
    () => entry((n) => `${n} has the ZIP64 marker as its sizes`, (b) => (b.writeUInt32LE(0xffffffff, 20), b.writeUInt32LE(0xffffffff, 24))),
    () => entry((n) => `${n}'s local header is at offset 0`, (b) => b.writeUInt32LE(0, 42), documentOr()),
    () => {
      const a = pick();
      const b = (a + 1) % records.length;
      entry((n) => `${n}'s local header is ${records[b].name}'s`, (bytes) => bytes.writeUInt32LE(records[b].bytes.readUInt32LE(42), 42), a);
    },
    () => entry((n) => `${n}'s local header is past the end of the file`, (b) => b.writeUInt32LE(seed.bytes.length + 1000, 42)),
    () => entry((n) => `${n}'s local header is at 0xffffffff`, (b) => b.writeUInt32LE(0xffffffff, 42)),
    () => entry((n) => `${n} is compressed with method 99 (AES)`, (b) => b.writeUInt16LE(99, 10), documentOr()),
    () => entry((n) => `${n} is compressed with method 12 (bzip2)`, (b) => b.writeUInt16LE(12, 10), documentOr()),
    () => entry((n) => `${n} is compressed with method 14 (LZMA)`, (b) => b.writeUInt16LE(14, 10)),
    () => entry((n) => `${n} is marked stored though it is deflated`, (b) => b.writeUInt16LE(0, 10), documentOr()),
    () => entry((n) => `${n} is marked encrypted`, (b) => b.writeUInt16LE(b.readUInt16LE(8) | 1, 8), documentOr()),
    () => entry((n) => `${n}'s CRC is wrong`, (b) => b.writeUInt32LE((b.readUInt32LE(16) ^ 0xdeadbeef) >>> 0, 16), documentOr()),
    () => entry((n) => `${n}'s name length is 65535`, (b) => b.writeUInt16LE(0xffff, 28)),
    () => entry((n) => `${n}'s extra field length is 65535`, (b) => b.writeUInt16LE(0xffff, 30)),
    () => {
      const a = pick();
      const b = documentOr() === a ? (a + 1) % records.length : documentOr();
      const target = Buffer.from(records[b].name, 'latin1');
      const renamed = Buffer.concat([records[a].bytes.subarray(0, 46), target, records[a].bytes.subarray(46 + records[a].bytes.readUInt16LE(28))]);
      renamed.writeUInt16LE(target.length, 28);
      add(`${records[a].name} renamed ${records[b].name} (two entries of one name)`, assemble(layout, records.map((r, i) => (i === a ? { ...r, bytes: renamed } : r))));
    },
    () => {
      const i = documentOr();
      add(`${records[i].name}'s record twice`, assemble(layout, [...records.slice(0, i + 1), records[i], ...records.slice(i + 1)]));
    },
    () => {
      const i = documentOr();
      add(`no record for ${records[i].name}`, assemble(layout, records.filter((_, k) => k !== i)));
    },
    () => add('the directory in reverse order', assemble(layout, [...records].reverse())),
    () => {
      const i = pick();
      add(`a directory of 5000 copies of ${records[i].name}'s record`, assemble(layout, Array.from({ length: 5000 }, () => records[i])));
    },
    () => {
      const i = documentOr();
      add(`${records[i].name} with a ZIP64 extra field claiming 1 TB`, assemble(layout, records.map((r, k) => (k === i ? withZip64Extra(r, 1n << 40n, 1n << 20n) : r))));
    },
    () => {
      const i = pick();
      add(`${records[i].name} with a ZIP64 extra field claiming 2^63 bytes`, assemble(layout, records.map((r, k) => (k === i ? withZip64Extra(r, 1n << 63n, 1n << 63n) : r))));
    },
    () => {
      // A ZIP64 end record and its locator before the ordinary end record, claiming 2^40 entries.
      const directory = Buffer.concat(records.map((r) => r.bytes));
      const zip64End = Buffer.alloc(56);
      zip64End.writeUInt32LE(0x06064b50, 0);
      zip64End.writeBigUInt64LE(44n, 4);
      zip64End.writeBigUInt64LE(1n << 40n, 24);
      zip64End.writeBigUInt64LE(1n << 40n, 32);
      zip64End.writeBigUInt64LE(BigInt(directory.length), 40);
      zip64End.writeBigUInt64LE(BigInt(layout.body.length), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(layout.body.length + directory.length), 8);
      locator.writeUInt32LE(1, 16);
      const eocd = Buffer.from(layout.eocd);
      eocd.writeUInt16LE(0xffff, 8);
      eocd.writeUInt16LE(0xffff, 10);
      add('a ZIP64 end record claiming 2^40 entries', Buffer.concat([layout.body, directory, zip64End, locator, eocd]));
    },
    () => add('a second end record after the first', Buffer.concat([assemble(layout, records), layout.eocd])),
  ];
  for (let i = 0; out.length < count && i < count * 3; i++) kinds[i % kinds.length]();
  return out.slice(0, count);
}
