import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkZipArchive } from '../../src/ingest/checkZipArchive.js';
import { inflateZipEntries } from '../../src/ingest/inflateZipEntries.js';
import { buildDocx } from './zipBuilder.js';

const LIMITS = { maxEntries: 100, maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: 200 };

function inflate(zip: Buffer) {
  return inflateZipEntries(zip, checkZipArchive(zip, LIMITS), LIMITS);
}

describe('inflateZipEntries', () => {
  it('inflates every part of a document written by a real Word library', async () => {
    const zip = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Dear Priya Raman,')] }] }));
    const parts = inflate(zip);
    expect(parts.get('word/document.xml')!.toString('utf8')).toContain('Dear Priya Raman,');
    expect([...parts.values()].every((p) => p.length > 0)).toBe(true);
  });

  it('stops a part that inflates beyond its declared size at that size plus one byte', () => {
    // 16 MiB of zeros that claim to be 1 KiB: the directory check passes, the inflate must not.
    const zip = buildDocx(['a'], [{ name: 'word/media/bomb.bin', data: Buffer.alloc(16 * 1024 * 1024), declaredSize: 1024 }]);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => inflate(zip)).toThrow(expect.objectContaining({ code: 'ARCHIVE_LIMIT_EXCEEDED', message: expect.stringMatching(/beyond the size it declares/) }));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
  });

  it('checks the ratio on actual sizes, not only declared ones', () => {
    const zip = buildDocx(['a'], [{ name: 'word/media/zeros.bin', data: Buffer.alloc(3 * 1024 * 1024) }]);
    const entries = checkZipArchive(zip, { ...LIMITS, maxRatio: 100_000 });
    expect(() => inflateZipEntries(zip, entries, LIMITS)).toThrow(/expands more than 200 times/);
  });

  it('refuses a part shorter than it declares, and one whose local name differs', () => {
    expect(() => inflate(buildDocx(['a'], [{ name: 'word/x.xml', data: 'short', declaredSize: 5000 }]))).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    expect(() => inflate(buildDocx(['a'], [{ name: 'word/x.xml', data: 'x', localName: 'word/y.xml' }]))).toThrow(/named differently/);
  });

  it('refuses damaged compressed data', () => {
    const zip = buildDocx(['Dear Priya Raman, welcome to the team.']);
    const entries = checkZipArchive(zip, LIMITS);
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    const damaged = Buffer.from(zip);
    const start = doc.localHeaderOffset + 30 + doc.name.length;
    damaged.fill(0xff, start, start + 8);
    expect(() => inflateZipEntries(damaged, entries, LIMITS)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
  });
});
