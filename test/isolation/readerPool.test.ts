import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentLayers } from '../../src/extract/readDocumentLayers.js';
import { findElements } from '../../src/fields/findElements.js';
import { ReaderPool } from '../../src/isolation/readerPool.js';
import type { ReadTask } from '../../src/isolation/readerProtocol.js';
import { readerChildCommand } from '../../src/isolation/startReaderChild.js';
import { letterImage } from '../extract/ocr/letterImage.js';
import { LETTER, pdfOf, slowPdf } from '../ingest/samples.js';
import { buildDocx } from '../ingest/zipBuilder.js';

const LIMITS = {
  maxBytes: 50e6,
  maxPages: 20,
  maxTextChars: 50e6,
  maxImagePixels: 40e6,
  maxPdfDecodedBytes: 512e6,
  maxEntries: 100,
  maxUncompressedBytes: 1e9,
  maxRatio: 1e6,
  maxXmlPartBytes: 64e6,
};
const task = (kind: ReadTask['kind'], bytes: Uint8Array, mediaType = 'x'): ReadTask => ({ kind, mediaType, bytes, limits: LIMITS, renderScannedPages: false });

/** A Word document of 200,000 paragraphs: half a megabyte zipped, hundreds of megabytes as mammoth's tree. */
function hugeDocx(): Buffer {
  return buildDocx(Array.from({ length: 200_000 }, (_, i) => `Paragraph ${i} of a letter that never ends.`));
}

describe('ReaderPool', () => {
  // A deadline no letter meets on a busy machine: the deadline has its own pool below. Heap room
  // enough for the slow PDF; the caps have their own tests below.
  const pool = new ReaderPool({ workers: 1, memoryMb: 512, rssCeilingMb: 1536, taskTimeoutMs: 120_000 });
  afterAll(() => pool.close());

  it('reads in a child process exactly what the readers read in this thread, pictures prepared for OCR included', async () => {
    const pdf = task('pdf', await pdfOf([LETTER, 'Second page of the offer, with the signature.']));
    const docx = task('docx', buildDocx(LETTER.split('\n')));
    const photo = task('image', await letterImage({ dpi: 100, format: 'jpeg', heightInches: 3 }), 'image/jpeg');
    for (const t of [pdf, docx, photo]) {
      const expected = await readDocumentLayers(t);
      expect(await pool.read(t)).toEqual(expected);
    }
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, replaced: 0 });
  });

  it('finds the elements of a letter read from its text layer in the same task, as this thread finds them', async () => {
    const read = await pool.read(task('docx', buildDocx(LETTER.split('\n'))));
    const letter = { pages: read.pages.map((p) => p.page), email: read.email };
    const tasks = pool.stats().tasks;
    expect(await pool.findElements(letter)).toEqual(findElements(letter));
    expect(pool.stats().tasks).toBe(tasks);
    // Another letter (or the same one asked again) is a task of its own.
    expect(await pool.findElements(letter)).toEqual(findElements(letter));
    expect(pool.stats().tasks).toBe(tasks + 1);
  });

  it('answers bytes that are no image with DOCUMENT_UNREADABLE from the child, and reads on', async () => {
    await expect(pool.read(task('image', Buffer.from('GIF89a but then nothing'), 'image/gif'))).rejects.toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
    expect((await pool.read(task('docx', buildDocx(['Still here.'])))).pages[0].page.text).toBe('Still here.');
    expect(pool.stats().replaced).toBe(0);
  });

  it('ends a document past its deadline with its child and reads the next one on a fresh child', async () => {
    // The deadline is a third of the slow PDF's reading time on a quiet machine; a busy one only reads
    // it slower. Heap room enough that the slow PDF meets the deadline before the heap cap.
    const timed = new ReaderPool({ workers: 1, memoryMb: 512, rssCeilingMb: 1536, taskTimeoutMs: 1000 });
    try {
      await timed.warm();
      await expect(timed.read(task('pdf', slowPdf()))).rejects.toMatchObject({ code: 'PROCESSING_TIMEOUT' });
      expect(timed.stats().replaced).toBe(1);
      const next = await timed.read(task('docx', buildDocx(['Dear Priya Raman,'])));
      expect(next.pages[0].page.text).toBe('Dear Priya Raman,');
    } finally {
      await timed.close();
    }
  });

  it('kills a child whose resident size passes the ceiling (native memory the heap cap never sees): DOCUMENT_TOO_COMPLEX, and reads on', async () => {
    // pdf.js rendering this JBIG2 page for OCR allocates without bound outside the JavaScript heap.
    const ceiling = new ReaderPool({ workers: 1, memoryMb: 256, rssCeilingMb: 640, taskTimeoutMs: 120_000 });
    try {
      const poison = readFileSync(new URL('../data/corpora/pdfjs/issue20439.pdf', import.meta.url));
      await expect(ceiling.read({ ...task('pdf', poison), renderScannedPages: true })).rejects.toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
      expect(ceiling.stats()).toMatchObject({ replaced: 1 });
      expect(ceiling.stats().peakRssMb).toBeGreaterThanOrEqual(640);
      expect((await ceiling.read(task('docx', buildDocx(['Still here.'])))).pages[0].page.text).toBe('Still here.');
    } finally {
      await ceiling.close();
    }
  });

  it('answers a document that exhausts the child heap cap with DOCUMENT_TOO_COMPLEX, and keeps serving', async () => {
    // Its own pool: a heap cap of 128 MB (from the sources, tsx needs more than the 96 a built child
    // starts in) and a deadline long enough that memory, not time, ends the task.
    const small = new ReaderPool({ workers: 1, memoryMb: 128, rssCeilingMb: 1536, taskTimeoutMs: 60_000 });
    try {
      await expect(small.read(task('docx', hugeDocx()))).rejects.toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
      expect(small.stats().replaced).toBe(1);
      expect((await small.read(task('docx', buildDocx(['Still here.'])))).pages[0].page.text).toBe('Still here.');
    } finally {
      await small.close();
    }
  });

  it('stops a document when its request gives up, whether it waits or runs', async () => {
    const replaced = pool.stats().replaced;
    const running = new AbortController();
    const waiting = new AbortController();
    const first = pool.read(task('pdf', slowPdf()), { signal: running.signal });
    const second = pool.read(task('docx', buildDocx(['queued'])), { signal: waiting.signal });
    expect(pool.stats().queued).toBe(1);
    waiting.abort(new Error('client left'));
    await expect(second).rejects.toThrow('client left');
    expect(pool.stats().queued).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    running.abort(new Error('deadline'));
    await expect(first).rejects.toThrow('deadline');
    // The child it was on is gone; a fresh one has taken its place.
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, replaced: replaced + 1 });
  });

  it('replaces a child after READER_MAX_TASKS documents with a successor started beforehand', async () => {
    const recycling = new ReaderPool({ workers: 1, memoryMb: 256, rssCeilingMb: 1536, taskTimeoutMs: 60_000, maxTasksPerChild: 2 });
    try {
      await recycling.warm();
      for (const n of [1, 2]) expect((await recycling.read(task('docx', buildDocx([`Letter ${n}`])))).pages[0].page.text).toBe(`Letter ${n}`);
      // The worn child stays ready while its successor starts, then the successor takes over.
      expect(recycling.stats()).toMatchObject({ recycled: 1, started: 2, workers: 1, ready: 1 });
      await expect.poll(() => recycling.stats().starting, { timeout: 30_000 }).toBe(0);
      expect(recycling.stats()).toMatchObject({ workers: 1, ready: 1, replaced: 0 });
      expect((await recycling.read(task('docx', buildDocx(['Letter 3'])))).pages[0].page.text).toBe('Letter 3');
    } finally {
      await recycling.close();
    }
  });

  it('says it is not ready, and refuses letters with NOT_READY, when no child can start', async () => {
    // 8 MB of heap cannot even load the parsers: every start fails, as a broken install would.
    const broken = new ReaderPool({ workers: 1, memoryMb: 8, rssCeilingMb: 512, taskTimeoutMs: 60_000 });
    try {
      await broken.warm();
      await expect.poll(() => broken.readiness().ready, { timeout: 60_000, interval: 200 }).toBe(false);
      expect(broken.readiness().reason).toMatch(/could not start/);
      await expect(broken.read(task('docx', buildDocx(['Dear Priya Raman,'])))).rejects.toMatchObject({ code: 'NOT_READY' });
    } finally {
      await broken.close();
    }
  });

  it('starts children that cannot write a file, with none of the service\'s secrets', () => {
    process.env.API_KEYS = 'a-key-the-readers-must-not-see';
    const { execArgv, env } = readerChildCommand({ memoryMb: 128 });
    delete process.env.API_KEYS;
    const probe = `const fs = require('node:fs'); let wrote = true; try { fs.writeFileSync(require('node:os').tmpdir() + '/offercheck-reader-probe', 'x'); } catch (e) { wrote = e.code; } process.stdout.write(JSON.stringify({ wrote, keys: process.env.API_KEYS ?? null }));`;
    const run = spawnSync(process.execPath, [...execArgv.filter((a) => !a.startsWith('--import') && !a.startsWith('file:')), '-e', probe], {
      env,
      encoding: 'utf8',
    });
    expect(JSON.parse(run.stdout)).toEqual({ wrote: 'ERR_ACCESS_DENIED', keys: null });
  });

  it('finishes the documents under way on close, then ends its children and refuses new ones', async () => {
    const reading = pool.read(task('docx', buildDocx(['Dear Priya Raman,'])));
    const closed = pool.close();
    await expect(reading).resolves.toMatchObject({ pages: [{ page: { text: 'Dear Priya Raman,' } }] });
    await closed;
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
    await expect(pool.read(task('docx', buildDocx(['late'])))).rejects.toMatchObject({ code: 'OVERLOADED' });
  });
});
