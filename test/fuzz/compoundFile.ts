import type { FuzzInput } from './corpus.js';

// Compound File Binary (OLE2, what Outlook .msg files are): [MS-CFB] sections 2.2 (header), 2.3
// (FAT), 2.6 (directory entries). Only what the mutations below need is read.
const HEADER_SIZE = 512;
const ENTRY_SIZE = 128;
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

interface DirectoryEntry {
  id: number;
  /** Where its 128 bytes start in the file. */
  offset: number;
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  left: number;
  right: number;
  child: number;
}

interface CompoundFile {
  sectorSize: number;
  entries: DirectoryEntry[];
  /** File offset of FAT entry n. */
  fatEntryOffset(n: number): number;
  fat: number[];
  directorySectors: number[];
  miniFatStart: number;
}

const sectorOffset = (sector: number, size: number) => HEADER_SIZE + sector * size;

/** Reads the header, the FAT (from the header's DIFAT only) and the directory; null when the file is not one this can follow. */
export function parseCompoundFile(bytes: Buffer): CompoundFile | null {
  if (bytes.length < HEADER_SIZE || bytes.readUInt32LE(0) !== 0xe011cfd0) return null;
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return null;
  const fatSectorCount = bytes.readUInt32LE(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatSectorCount); i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  const perSector = sectorSize / 4;
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const at = sectorOffset(sector, sectorSize);
    if (at + sectorSize > bytes.length) return null;
    for (let i = 0; i < perSector; i++) fat.push(bytes.readUInt32LE(at + i * 4));
  }
  const directorySectors: number[] = [];
  for (let s = bytes.readUInt32LE(0x30); s < fat.length && directorySectors.length < fat.length; s = fat[s]) directorySectors.push(s);
  const entries: DirectoryEntry[] = [];
  for (const sector of directorySectors) {
    for (let k = 0; k < sectorSize / ENTRY_SIZE; k++) {
      const offset = sectorOffset(sector, sectorSize) + k * ENTRY_SIZE;
      if (offset + ENTRY_SIZE > bytes.length) break;
      const nameLength = Math.min(64, bytes.readUInt16LE(offset + 64));
      entries.push({
        id: entries.length,
        offset,
        name: bytes.subarray(offset, offset + Math.max(0, nameLength - 2)).toString('utf16le'),
        type: bytes[offset + 66],
        left: bytes.readUInt32LE(offset + 0x44),
        right: bytes.readUInt32LE(offset + 0x48),
        child: bytes.readUInt32LE(offset + 0x4c),
      });
    }
  }
  return {
    sectorSize,
    entries,
    fat,
    directorySectors,
    miniFatStart: bytes.readUInt32LE(0x3c),
    fatEntryOffset: (n) => sectorOffset(fatSectors[Math.floor(n / perSector)], sectorSize) + (n % perSector) * 4,
  };
}

/**
 * Structured mutations of a compound file's directory and allocation tables, the places a reader
 * follows without checking: sibling and child ids that loop (to the entry itself, to each other, to
 * the root), a storage that contains itself, stream sizes far past the file, start sectors out of
 * range or inside the directory, sector chains that loop (a stream's, the directory's, the mini
 * FAT's), duplicate names, and header fields out of range. Every result differs from the seed in
 * the fields its name says, and nothing else.
 */
export function compoundFileMutations(seed: FuzzInput, random: () => number, count: number): FuzzInput[] {
  const cfb = parseCompoundFile(seed.bytes);
  if (!cfb) return [];
  const used = cfb.entries.filter((e) => e.type === 1 || e.type === 2);
  const streams = cfb.entries.filter((e) => e.type === 2);
  const storages = cfb.entries.filter((e) => e.type === 1);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const withSibling = used.filter((e) => e.right !== NO_STREAM && e.right < cfb.entries.length);
  const bigStreams = streams.filter((e) => seed.bytes.readUInt32LE(e.offset + 0x78) >= seed.bytes.readUInt32LE(0x38));
  const out: FuzzInput[] = [];
  const make = (what: string, change: (copy: Buffer) => void) => {
    const copy = Buffer.from(seed.bytes);
    change(copy);
    out.push({ ...seed, name: `${seed.name} CFB: ${what}`, bytes: copy });
  };
  const setU32 = (at: number, value: number) => (copy: Buffer) => copy.writeUInt32LE(value >>> 0, at);

  const kinds: (() => void)[] = [
    () => {
      const e = pick(used);
      make(`entry ${e.id}'s right sibling is itself`, setU32(e.offset + 0x48, e.id));
    },
    () => {
      const e = pick(used);
      make(`entry ${e.id}'s left sibling is itself`, setU32(e.offset + 0x44, e.id));
    },
    () => {
      if (withSibling.length === 0) return;
      const a = pick(withSibling);
      const b = cfb.entries[a.right];
      make(`entries ${a.id} and ${b.id} are each other's right sibling`, setU32(b.offset + 0x48, a.id));
    },
    () => {
      const e = pick(used);
      make(`entry ${e.id}'s left sibling is the root`, setU32(e.offset + 0x44, 0));
    },
    () => make(`the root's child is the root`, setU32(cfb.entries[0].offset + 0x4c, 0)),
    () => {
      if (storages.length === 0) return;
      const s = pick(storages);
      make(`storage ${s.id} contains itself`, setU32(s.offset + 0x4c, s.id));
    },
    () => {
      if (storages.length === 0) return;
      const s = pick(storages);
      make(`storage ${s.id}'s child is the root`, setU32(s.offset + 0x4c, 0));
    },
    () => {
      const e = pick(used);
      make(`entry ${e.id}'s sibling id is past the directory`, setU32(e.offset + 0x48, 0x7ffffff0));
    },
    () => {
      const e = pick(streams);
      make(`stream ${e.id} is 4 GB long`, setU32(e.offset + 0x78, 0xfffffff0));
    },
    () => {
      const e = pick(streams);
      make(`stream ${e.id} is 2^62 bytes long (64-bit size)`, (copy) => {
        copy.writeUInt32LE(0x40000000, e.offset + 0x7c);
      });
    },
    () => {
      const e = pick(streams);
      make(`stream ${e.id} is 1 MB long in a 10 KB file`, setU32(e.offset + 0x78, 1024 * 1024));
    },
    () => {
      const e = pick(streams);
      make(`stream ${e.id} starts at sector 0x7ffffff0`, setU32(e.offset + 0x74, 0x7ffffff0));
    },
    () => {
      const e = pick(streams);
      make(`stream ${e.id} starts inside the directory`, setU32(e.offset + 0x74, cfb.directorySectors[0]));
    },
    () => {
      const e = pick(bigStreams.length ? bigStreams : streams);
      const start = seed.bytes.readUInt32LE(e.offset + 0x74);
      if (start >= cfb.fat.length) return;
      make(`stream ${e.id}'s sector chain loops to its start`, setU32(cfb.fatEntryOffset(start), start));
    },
    () => {
      const last = cfb.directorySectors[cfb.directorySectors.length - 1];
      make(`the directory's sector chain loops to its start`, setU32(cfb.fatEntryOffset(last), cfb.directorySectors[0]));
    },
    () => {
      const first = cfb.directorySectors[0];
      make(`the directory's sector chain points at itself`, setU32(cfb.fatEntryOffset(first), first));
    },
    () => {
      if (cfb.miniFatStart >= cfb.fat.length) return;
      make(`the mini FAT's sector chain loops`, setU32(cfb.fatEntryOffset(cfb.miniFatStart), cfb.miniFatStart));
    },
    () => {
      if (cfb.miniFatStart >= cfb.fat.length) return;
      make(`the mini FAT's entries all point at entry 0`, (copy) => {
        const at = sectorOffset(cfb.miniFatStart, cfb.sectorSize);
        for (let i = 0; i < cfb.sectorSize / 4; i++) copy.writeUInt32LE(0, at + i * 4);
      });
    },
    () => make(`the FAT's entries all point at sector 0`, (copy) => {
      for (let n = 0; n < cfb.fat.length; n++) copy.writeUInt32LE(0, cfb.fatEntryOffset(n));
    }),
    () => {
      if (streams.length < 2) return;
      const a = pick(streams);
      const b = pick(streams.filter((s) => s !== a));
      make(`stream ${b.id} has stream ${a.id}'s name`, (copy) => copy.set(copy.subarray(a.offset, a.offset + 66), b.offset));
    },
    () => {
      const e = pick(used);
      make(`entry ${e.id}'s name is 65535 bytes long`, (copy) => copy.writeUInt16LE(0xffff, e.offset + 64));
    },
    () => {
      const e = pick(used);
      make(`entry ${e.id} has type 0x7f`, (copy) => (copy[e.offset + 66] = 0x7f));
    },
    () => make('a header declaring 4 billion FAT sectors', setU32(0x2c, 0xffffffff)),
    () => make('a DIFAT chain that loops to itself', (copy) => {
      copy.writeUInt32LE(cfb.directorySectors[0], 0x44);
      copy.writeUInt32LE(0xffff, 0x48);
    }),
    () => make('a header with sector shift 31', (copy) => copy.writeUInt16LE(31, 0x1e)),
    () => make('a header with mini stream cutoff 0', setU32(0x38, 0)),
    () => make('a header with no directory', setU32(0x30, END_OF_CHAIN)),
    () => make('a header with 65535 mini FAT sectors', setU32(0x40, 0xffff)),
  ];
  // Each kind once in turn, with fresh random choices, until `count` inputs are made.
  for (let i = 0; out.length < count && i < count * 3; i++) kinds[i % kinds.length]();
  return out.slice(0, count);
}

/**
 * The compound file with its first stream's right sibling pointing at that stream itself: a reader
 * that walks the directory's red-black tree without remembering where it has been never ends (the
 * 12 KB Outlook message of issue 10 made msgreader fill its heap and abort the process).
 */
export function withSiblingLoop(bytes: Buffer): Buffer {
  const cfb = parseCompoundFile(bytes);
  const stream = cfb?.entries.find((e) => e.type === 2);
  if (!stream) throw new Error('not a compound file with a stream');
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(stream.id, stream.offset + 0x48);
  return copy;
}
