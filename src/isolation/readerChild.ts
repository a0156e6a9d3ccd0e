// A reader child process (started by readerPool.ts): one document at a time, by IPC message.
// Source maps go off before any of our modules load: from the TypeScript sources tsx turns them on,
// and Node would then keep pdf.js's multi-megabyte maps in the heap that READER_MEMORY_MB caps.
// So this file imports nothing of ours statically.
import type { ReaderReply, ReaderRequest, ReadResult } from './readerProtocol.js';

process.setSourceMapsEnabled(false);

const send = (reply: ReaderReply) => process.send?.(reply);

// The parent is gone (ended, or crashed): nothing is left to read for.
process.on('disconnect', () => process.exit(0));
// pdf.js and mailparser leave the odd promise of a damaged file unhandled; the task itself has
// already failed and answered, so that must not end the child before the next document.
process.on('unhandledRejection', () => undefined);

const [{ readDocumentLayers }, { findElements }, { isProblemError }] = await Promise.all([
  import('../extract/readDocumentLayers.js'),
  import('../fields/findElements.js'),
  import('../report/errors.js'),
]);

/** Errors leave as a problem code and our own message only: a parser's message may quote the document. */
function toWire(error: unknown): { code: string; message: string } {
  if (isProblemError(error)) return { code: error.code, message: error.message };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { code: 'DOCUMENT_TOO_COMPLEX', message: 'The document is nested too deeply to read. Export it again from the original.' };
  }
  return { code: 'DOCUMENT_UNREADABLE', message: 'The document could not be read. It may be damaged; export it again from the original.' };
}

process.on('message', async ({ id, task }: ReaderRequest) => {
  try {
    if (task.kind === 'fields') return send({ id, ok: true, result: findElements(task.letter) });
    const result: ReadResult = await readDocumentLayers(task);
    // Read from its text layer alone, the letter is already what the field detectors will be given:
    // the structured pages built here, which cross to the parent as plain data.
    const elements = result.pages.every((p) => !p.scan) ? findElements({ pages: result.pages.map((p) => p.page), email: result.email }) : undefined;
    send({ id, ok: true, result, elements });
  } catch (error) {
    send({ id, ok: false, error: toWire(error) });
  }
});

// The parsers and the image decoders load before the child says it is ready: the deadline then
// times documents, not module loading, and the first letter costs what every other does.
await Promise.all([
  import('../extract/readPdf.js'),
  import('../extract/docx/readDocxPage.js'),
  import('../extract/doc/readDocPage.js'),
  import('../extract/readEmail.js'),
  import('../extract/readMsg.js'),
  import('../extract/email/emailPage.js'),
  import('../extract/ocr/preparePages.js'),
]);
send({ ready: true });
