import { describe, expect, it } from 'vitest';
import { checkZipArchive } from '../../src/ingest/checkZipArchive.js';
import { buildDocx, buildZip } from './zipBuilder.js';

const LIMITS = { maxEntries: 50, maxUncompressedBytes: 4 * 1024 * 1024, maxRatio: 100 };
const MiB = 1024 * 1024;

describe('checkZipArchive', () => {
  it('lists the entries of a well-formed Word document with their declared sizes', () => {
    const entries = checkZipArchive(buildDocx(['Dear Priya Raman,']), LIMITS);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(entries.every((e) => e.method === 8 && e.uncompressedSize > e.compressedSize)).toBe(true);
  });

  it('refuses more entries than allowed, before reading any of them', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ name: `word/media/image${i}.png`, data: 'x' }));
    expect(() => checkZipArchive(buildDocx(['a'], many), LIMITS)).toThrow(expect.objectContaining({ code: 'ARCHIVE_LIMIT_EXCEEDED' }));
  });

  it('refuses a declared total beyond the limit', () => {
    const zip = buildDocx(['a'], [{ name: 'word/media/big.bin', data: 'small', store: false, declaredSize: 5 * MiB }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(/expands to more than/);
  });

  it('refuses a large entry that compresses far more than documents do (a zip bomb)', () => {
    const zip = buildDocx(['a'], [{ name: 'word/media/zeros.bin', data: Buffer.alloc(2 * MiB) }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(/expands more than 100 times/);
  });

  it('refuses ZIP64 in each of its three forms', () => {
    expect(() => checkZipArchive(buildDocx(['a'], [], { zip: { zip64Locator: true } }), LIMITS)).toThrow(expect.objectContaining({ code: 'ARCHIVE_LIMIT_EXCEEDED' }));
    const zip64Extra = Buffer.from('01000800' + '0000000000000000', 'hex');
    expect(() => checkZipArchive(buildDocx(['a'], [{ name: 'x.bin', data: 'x', extra: zip64Extra }]), LIMITS)).toThrow(/ZIP64/);
    expect(() => checkZipArchive(buildDocx(['a'], [], { zip: { entryCount: 0xffff } }), LIMITS)).toThrow(/ZIP64/);
  });

  it('refuses entries that share their compressed data ("a better zip bomb")', () => {
    const zip = buildDocx(['a'], [{ name: 'word/media/one.bin', data: 'payload' }, { name: 'word/media/two.bin', data: 'payload', sameDataAs: 3 }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(/overlap/);
  });

  it('refuses a name given twice, which two readers would resolve differently', () => {
    const zip = buildDocx(['a'], [{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
  });

  it('answers an encrypted entry with DOCUMENT_ENCRYPTED', () => {
    const zip = buildDocx(['a'], [{ name: 'word/secret.xml', data: 'x', flags: 1 }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_ENCRYPTED' }));
  });

  it('refuses compression methods Word never writes', () => {
    const zip = buildDocx(['a'], [{ name: 'word/x.xml', data: 'x', store: true, method: 12 }]);
    expect(() => checkZipArchive(zip, LIMITS)).toThrow(/compression method/);
  });

  it('refuses truncated files and a second end record hidden in the comment', () => {
    const zip = buildDocx(['Dear Priya Raman,']);
    expect(() => checkZipArchive(zip.subarray(0, zip.length - 30), LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    expect(() => checkZipArchive(zip.subarray(0, zip.length / 2), LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    const fakeEnd = Buffer.alloc(22);
    fakeEnd.writeUInt32LE(0x06054b50, 0);
    const hidden = buildDocx(['a'], [], { zip: { comment: Buffer.concat([fakeEnd, Buffer.from('tail')]) } });
    expect(() => checkZipArchive(hidden, LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
  });

  it('refuses a central directory that does not end where the end record begins', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: 'x' }]);
    const shifted = Buffer.from(zip);
    const eocd = shifted.length - 22;
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd + 16) - 1, eocd + 16);
    expect(() => checkZipArchive(shifted, LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
  });
});
