import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readCompoundFile } from '../../src/ingest/readCompoundFile.js';
import { parseCompoundFile } from '../fuzz/compoundFile.js';

const CFB = createRequire(import.meta.url)('cfb') as {
  utils: { cfb_new(): unknown; cfb_add(c: unknown, path: string, content: Buffer): void };
  write(c: unknown, o: { type: 'buffer' }): Buffer;
};

function compoundFile(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, content);
  return CFB.write(cfb, { type: 'buffer' });
}

const damaged = (why: RegExp = /./) => expect.objectContaining({ code: 'DOCUMENT_UNREADABLE', message: expect.stringMatching(why) });
const SECTOR = 512;
/** The FAT entry of a sector (version 3 files: the first FAT sector holds 128 entries). */
const fatEntryOffset = (file: Buffer, sector: number) => (file.readUInt32LE(0x4c) + 1) * SECTOR + sector * 4;

describe('readCompoundFile', () => {
  it('lists the root streams and reads them through regular and mini sectors', () => {
    const big = Buffer.alloc(9000, 'b');
    const small = Buffer.from('a small stream under the 4096-byte cutoff');
    const file = readCompoundFile(compoundFile({ WordDocument: big, '1Table': small }));
    const word = file.rootStreams.get('WordDocument')!;
    const table = file.rootStreams.get('1Table')!;
    expect([word.size, word.mini, table.size, table.mini]).toEqual([9000, false, small.length, true]);
    expect(file.read(word).equals(big)).toBe(true);
    expect(file.read(table).equals(small)).toBe(true);
    expect(file.read(word, 10).toString()).toBe('bbbbbbbbbb');
  });

  it('reads the directory of a .doc that LibreOffice wrote', () => {
    const file = readCompoundFile(readFileSync(new URL('../data/doc/offer-letter.doc', import.meta.url)));
    expect([...file.rootStreams.keys()]).toEqual(expect.arrayContaining(['WordDocument', '1Table']));
  });

  it('refuses a sector chain that loops, instead of following it forever', () => {
    const bytes = compoundFile({ WordDocument: Buffer.alloc(9000, 'b') });
    const start = readCompoundFile(bytes).rootStreams.get('WordDocument')!.sectors[0];
    const looping = Buffer.from(bytes);
    // The stream's third sector points back to its first.
    looping.writeUInt32LE(start, fatEntryOffset(looping, start + 2));
    expect(() => readCompoundFile(looping)).toThrow(damaged(/sector chain loops/));
    const directoryLoop = Buffer.from(bytes);
    const directory = directoryLoop.readUInt32LE(0x30);
    directoryLoop.writeUInt32LE(directory, fatEntryOffset(directoryLoop, directory));
    expect(() => readCompoundFile(directoryLoop)).toThrow(damaged(/directory loops/));
  });

  it('refuses sectors outside the file, streams longer than their chains, and a directory tree that loops', () => {
    const bytes = compoundFile({ WordDocument: Buffer.alloc(9000, 'b'), '1Table': Buffer.from('table') });
    const directoryAt = (bytes.readUInt32LE(0x30) + 1) * SECTOR;
    const entryNamed = (file: Buffer, name: string) => {
      for (let at = directoryAt; at < directoryAt + SECTOR; at += 128) if (file.toString('utf16le', at, at + name.length * 2) === name) return at;
      throw new Error(`no entry ${name}`);
    };
    const outside = Buffer.from(bytes);
    outside.writeUInt32LE(0x00ffffff, entryNamed(outside, 'WordDocument') + 116);
    expect(() => readCompoundFile(outside)).toThrow(damaged(/points outside the file/));
    const tooLong = Buffer.from(bytes);
    // 18 sectors of 512 bytes hold 9216 bytes, not 9300.
    tooLong.writeUInt32LE(9300, entryNamed(tooLong, 'WordDocument') + 120);
    expect(() => readCompoundFile(tooLong)).toThrow(damaged(/shorter than it says/));
    const huge = Buffer.from(bytes);
    huge.writeUInt32LE(0x7fffffff, entryNamed(huge, 'WordDocument') + 120);
    expect(() => readCompoundFile(huge)).toThrow(damaged(/larger than the file/));
    const treeLoop = Buffer.from(bytes);
    // The root's child points, as its left sibling, at itself.
    const child = treeLoop.readUInt32LE(directoryAt + 76);
    treeLoop.writeUInt32LE(child, directoryAt + child * 128 + 68);
    expect(() => readCompoundFile(treeLoop)).toThrow(damaged(/directory loops/));
  });

  it('walks the storages below the root as well: a loop there, or a storage that contains itself, is refused before a reader meets it', () => {
    // An Outlook message keeps its recipients and attachments in storages like this one, and msgreader
    // walks them all: a sibling loop in one made it fill its heap (issue 10).
    const bytes = compoundFile({ WordDocument: Buffer.from('x'), 'Attachment/Data': Buffer.from('a'), 'Attachment/Name': Buffer.from('b') });
    const file = readCompoundFile(bytes);
    expect(file.rootStorages.has('Attachment')).toBe(true);
    expect(file.rootStreams.has('Data')).toBe(false);
    const cfb = parseCompoundFile(bytes)!;
    const storage = cfb.entries.find((e) => e.type === 1 && e.name === 'Attachment')!;
    const inner = cfb.entries[storage.child];
    const siblingLoop = Buffer.from(bytes);
    siblingLoop.writeUInt32LE(inner.id, inner.offset + 68);
    expect(() => readCompoundFile(siblingLoop)).toThrow(damaged(/directory loops/));
    const containsItself = Buffer.from(bytes);
    containsItself.writeUInt32LE(storage.id, storage.offset + 76);
    expect(() => readCompoundFile(containsItself)).toThrow(damaged(/directory loops/));
    const huge = Buffer.from(bytes);
    huge.writeUInt32LE(0x7fffffff, inner.offset + 120);
    expect(() => readCompoundFile(huge)).toThrow(damaged(/larger than the file/));
  });

  it('refuses what is not a compound file Office writes', () => {
    expect(() => readCompoundFile(Buffer.alloc(2048))).toThrow(damaged(/not a compound file/));
    const bytes = compoundFile({ WordDocument: Buffer.from('x') });
    const odd = Buffer.from(bytes);
    odd.writeUInt16LE(16, 0x1e); // 64 KiB sectors: no Office version writes them
    expect(() => readCompoundFile(odd)).toThrow(damaged(/header/));
    expect(() => readCompoundFile(bytes.subarray(0, 1024))).toThrow(damaged(/outside the file/));
  });
});
