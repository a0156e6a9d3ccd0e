import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentLayers } from '../../../src/extract/isolation/readDocumentLayers.js';
import { ReaderPool } from '../../../src/extract/isolation/readerPool.js';
import type { ReadTask } from '../../../src/extract/isolation/readerProtocol.js';
import { LETTER, pdfOf, rawPdf } from '../../ingest/samples.js';
import { buildDocx } from '../../ingest/zipBuilder.js';

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
const task = (kind: ReadTask['kind'], bytes: Uint8Array): ReadTask => ({ kind, mediaType: 'x', bytes, limits: LIMITS, renderScannedPages: false });

/** A one-page PDF whose content stream draws 200,000 text runs: about 3 s of pdf.js work here, and ~300 MB of heap. */
function slowPdf(): Buffer {
  const ops = Array.from({ length: 200_000 }, (_, i) => `BT /F1 1 Tf ${i % 500} ${i % 700} Td (w${i}) Tj ET`).join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A Word document of 200,000 paragraphs: half a megabyte zipped, hundreds of megabytes as mammoth's tree. */
function hugeDocx(): Buffer {
  return buildDocx(Array.from({ length: 200_000 }, (_, i) => `Paragraph ${i} of a letter that never ends.`));
}

describe('ReaderPool', () => {
  // Heap room enough that the slow PDF meets the watchdog before the memory cap (on a quiet machine it
  // outgrew 128 MB first and the time test saw DOCUMENT_TOO_COMPLEX); the memory cap has its own test below.
  // The watchdog is a third of the slow PDF's reading time, so a machine twice as fast still trips it.
  const pool = new ReaderPool({ workers: 1, memoryMb: 512, taskTimeoutMs: 1000, idleTimeoutMs: 0 });
  afterAll(() => pool.close());

  it('reads in a worker exactly what the readers read in this thread', async () => {
    const pdf = task('pdf', await pdfOf([LETTER, 'Second page of the offer, with the signature.']));
    const docx = task('docx', buildDocx(LETTER.split('\n')));
    for (const t of [pdf, docx]) {
      const expected = await readDocumentLayers(t);
      expect(await pool.read(t)).toEqual(expected);
    }
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, replaced: 0 });
  });

  it('ends a document past its deadline with its worker and reads the next one on a fresh worker', async () => {
    const started = Date.now();
    await expect(pool.read(task('pdf', slowPdf()))).rejects.toMatchObject({ code: 'PROCESSING_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1000 + 15_000); // the watchdog, plus a worker start on a busy machine
    expect(pool.stats().replaced).toBe(1);
    const next = await pool.read(task('docx', buildDocx(['Dear Priya Raman,'])));
    expect(next.pages[0].page.text).toBe('Dear Priya Raman,');
  });

  it('answers a document that exhausts the worker memory cap with DOCUMENT_TOO_COMPLEX, and keeps serving', async () => {
    // Its own pool: a heap cap of 96 MB and a watchdog long enough that memory, not time, ends the task.
    const small = new ReaderPool({ workers: 1, memoryMb: 96, taskTimeoutMs: 60_000, idleTimeoutMs: 0 });
    try {
      await expect(small.read(task('docx', hugeDocx()))).rejects.toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
      expect(small.stats().replaced).toBe(1);
      expect((await small.read(task('docx', buildDocx(['Still here.'])))).pages[0].page.text).toBe('Still here.');
    } finally {
      await small.close();
    }
  });

  it('stops a document when its request gives up, whether it waits or runs', async () => {
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
    // The worker it was on is gone; a fresh one has taken its place.
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, replaced: 2 });
  });

  it('finishes the documents under way on close, then ends its workers and refuses new ones', async () => {
    const reading = pool.read(task('docx', buildDocx(['Dear Priya Raman,'])));
    const closed = pool.close();
    await expect(reading).resolves.toMatchObject({ pages: [{ page: { text: 'Dear Priya Raman,' } }] });
    await closed;
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
    await expect(pool.read(task('docx', buildDocx(['late'])))).rejects.toMatchObject({ code: 'OVERLOADED' });
  });
});
