import { DocumentUnreadableError } from '../report/errors.js';

/** A stream of an OLE2 compound file, as its directory declares it. */
export interface CompoundStream {
  name: string;
  size: number;
  /** Sectors of the stream in order: regular sectors, or mini sectors for a stream under the cutoff. */
  sectors: number[];
  mini: boolean;
}

export interface CompoundFile {
  /** The streams directly under the root storage, by name. */
  rootStreams: Map<string, CompoundStream>;
  /** The names of the storages (folders) directly under the root. */
  rootStorages: Set<string>;
  /** Up to `maxBytes` of a stream's content, following its checked chain. */
  read(stream: CompoundStream, maxBytes?: number): Buffer;
}

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
const MINI_STREAM_CUTOFF = 4096;
// Directory trees are balanced (red-black); a deeper one is built to exhaust a reader's stack.
const MAX_TREE_DEPTH = 128;
// Storages inside storages: an Outlook message attached to a message attached to ... A letter's
// thread is a handful deep; thousands is a file built to exhaust its reader.
const MAX_NESTING = 32;

/**
 * Reads an OLE2 compound file's structure (the container of legacy Word .doc files and Outlook
 * .msg messages) and checks everything a reader will follow in it before any reader does: the
 * header's version and sector sizes, every sector number inside the file, every FAT, mini FAT,
 * DIFAT and directory chain free of loops and as long as the sizes it serves, the directory tree
 * free of loops and not absurdly deep, each stream's size within the file. The pure-JS readers
 * (word-extractor) follow chains without such checks: a looping chain would spin them forever.
 * Reads headers and tables only; the cost is one pass over the sector tables.
 */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 512 || !buf.subarray(0, 8).equals(SIGNATURE)) damaged('it is not a compound file');
  const major = buf.readUInt16LE(0x1a);
  const sectorShift = buf.readUInt16LE(0x1e);
  if (buf.readUInt16LE(0x1c) !== 0xfffe || !((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12)) || buf.readUInt16LE(0x20) !== 6) {
    damaged('its header is not one Office writes');
  }
  if (buf.readUInt32LE(0x38) !== MINI_STREAM_CUTOFF) damaged('its header is not one Office writes');
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.ceil((buf.length - sectorSize) / sectorSize);
  const perSector = sectorSize / 4;
  const sectorAt = (id: number) => buf.subarray((id + 1) * sectorSize, (id + 2) * sectorSize);
  const checkSector = (id: number) => {
    if (id >= sectorCount) damaged('a sector lies outside the file');
  };

  // The DIFAT lists the FAT's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectorCount = buf.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) damaged('its sector table is larger than the file');
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  const difatSeen = new Set<number>();
  while (fatSectors.length < fatSectorCount) {
    if (difat === END_OF_CHAIN || difat === FREE) damaged('its sector table is incomplete');
    checkSector(difat);
    if (difatSeen.has(difat)) damaged('its sector table loops');
    difatSeen.add(difat);
    const sector = sectorAt(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(sector.readUInt32LE(i * 4));
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectorCount * perSector);
  fatSectors.forEach((id, i) => {
    checkSector(id);
    const sector = sectorAt(id);
    for (let j = 0; j < perSector && j * 4 + 4 <= sector.length; j++) fat[i * perSector + j] = sector.readUInt32LE(j * 4);
  });

  /** A chain of sectors from `start`, checked: inside the table, no loop, ending where it should. */
  const chainOf = (table: Uint32Array, start: number, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    let at = start;
    while (at !== END_OF_CHAIN) {
      if (at >= table.length || at >= limit) damaged(`the ${what} points outside the file`);
      if (seen[at]) damaged(`the ${what} loops`);
      seen[at] = 1;
      out.push(at);
      at = table[at];
    }
    return out;
  };

  const directorySectors = chainOf(fat, buf.readUInt32LE(0x30), sectorCount, 'directory');
  const entryCount = (directorySectors.length * sectorSize) / ENTRY_BYTES;
  const entryAt = (i: number) => {
    const sector = sectorAt(directorySectors[Math.floor((i * ENTRY_BYTES) / sectorSize)]);
    const at = (i * ENTRY_BYTES) % sectorSize;
    return sector.subarray(at, at + ENTRY_BYTES);
  };
  const entry = (i: number) => {
    const raw = entryAt(i);
    if (raw.length < ENTRY_BYTES) damaged('its directory is truncated');
    const nameBytes = Math.min(64, raw.readUInt16LE(64));
    return {
      name: raw.toString('utf16le', 0, Math.max(0, nameBytes - 2)),
      type: raw[66],
      left: raw.readUInt32LE(68),
      right: raw.readUInt32LE(72),
      child: raw.readUInt32LE(76),
      start: raw.readUInt32LE(116),
      sizeLow: raw.readUInt32LE(120),
      sizeHigh: raw.readUInt32LE(124),
    };
  };
  if (entryCount === 0) damaged('it has no directory');
  const root = entry(0);
  if (root.type !== 5) damaged('its directory has no root');

  // The mini stream (small streams' data) lives in the root entry's chain; the mini FAT maps it.
  const miniStreamSectors = root.sizeLow > 0 ? chainOf(fat, root.start, sectorCount, 'mini stream') : [];
  if (miniStreamSectors.length * sectorSize < root.sizeLow) damaged('its mini stream is shorter than it says');
  const miniSectorCount = Math.floor(root.sizeLow / MINI_SECTOR_BYTES);
  const miniFatSectors = buf.readUInt32LE(0x40) > 0 ? chainOf(fat, buf.readUInt32LE(0x3c), sectorCount, 'mini sector table') : [];
  if (miniFatSectors.length !== buf.readUInt32LE(0x40)) damaged('its mini sector table has the wrong length');
  const miniFat = new Uint32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((id, i) => {
    const sector = sectorAt(id);
    for (let j = 0; j < perSector && j * 4 + 4 <= sector.length; j++) miniFat[i * perSector + j] = sector.readUInt32LE(j * 4);
  });

  // Every storage's children: a tree of siblings under the storage's child, walked without
  // recursion, each entry once (an entry met twice is a loop, whether through a sibling or a child
  // pointer, at the root or in a storage below it: an Outlook message keeps its recipients and
  // attachments in storages of their own, and its reader walks them all). Every stream's chain is
  // checked; the root's own streams and storages are what the callers look up.
  const rootStreams = new Map<string, CompoundStream>();
  const rootStorages = new Set<string>();
  const visited = new Uint8Array(entryCount);
  visited[0] = 1;
  const stack: { id: number; depth: number; nesting: number }[] = root.child === NO_STREAM ? [] : [{ id: root.child, depth: 1, nesting: 0 }];
  while (stack.length > 0) {
    const { id, depth, nesting } = stack.pop()!;
    if (id >= entryCount) damaged('its directory points outside itself');
    if (visited[id]) damaged('its directory loops');
    if (depth > MAX_TREE_DEPTH || nesting > MAX_NESTING) damaged('its directory is too deep');
    visited[id] = 1;
    const e = entry(id);
    if (e.left !== NO_STREAM) stack.push({ id: e.left, depth: depth + 1, nesting });
    if (e.right !== NO_STREAM) stack.push({ id: e.right, depth: depth + 1, nesting });
    if (e.type === 1) {
      if (nesting === 0) rootStorages.add(e.name);
      if (e.child !== NO_STREAM) stack.push({ id: e.child, depth: 1, nesting: nesting + 1 });
    }
    if (e.type !== 2) continue;
    if (e.sizeHigh !== 0 || e.sizeLow > buf.length) damaged(`the stream ${e.name} is larger than the file`);
    const mini = e.sizeLow < MINI_STREAM_CUTOFF;
    const sectors = e.sizeLow === 0 ? [] : mini ? chainOf(miniFat, e.start, miniSectorCount, 'mini sector chain') : chainOf(fat, e.start, sectorCount, 'sector chain');
    if (sectors.length * (mini ? MINI_SECTOR_BYTES : sectorSize) < e.sizeLow) damaged(`the stream ${e.name} is shorter than it says`);
    if (nesting === 0) rootStreams.set(e.name, { name: e.name, size: e.sizeLow, sectors, mini });
  }

  return {
    rootStreams,
    rootStorages,
    read(stream, maxBytes = stream.size) {
      const wanted = Math.min(stream.size, maxBytes);
      const out = Buffer.alloc(wanted);
      let at = 0;
      for (const id of stream.sectors) {
        if (at >= wanted) break;
        let chunk: Buffer;
        if (stream.mini) {
          const offset = id * MINI_SECTOR_BYTES;
          chunk = sectorAt(miniStreamSectors[Math.floor(offset / sectorSize)]).subarray(offset % sectorSize, (offset % sectorSize) + MINI_SECTOR_BYTES);
        } else chunk = sectorAt(id);
        at += chunk.copy(out, at, 0, Math.min(chunk.length, wanted - at));
      }
      return out;
    },
  };
}

function damaged(why: string): never {
  throw new DocumentUnreadableError(`The file is damaged: ${why}.`);
}
