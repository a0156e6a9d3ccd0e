import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DocumentUnreadableError, ImageTooLargeError } from '../../report/errors.js';

const require = createRequire(import.meta.url);

interface DecodeReply {
  id: number;
  data?: Uint8Array;
  width?: number;
  height?: number;
  error?: 'too_large' | 'unreadable';
}

// heic-decode (libheif compiled to JavaScript, bundled in the package, nothing fetched) decodes
// synchronously: a 12-megapixel iPhone photo takes about a second. It runs in a thread of its own
// so that the service keeps answering meanwhile. The thread's code is inline (CommonJS, eval) so it
// loads the same way from src/ under tsx, from dist/ and under vitest.
const DECODER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const decodeAll = require(${JSON.stringify(require.resolve('heic-decode'))}).all;
parentPort.on('message', async ({ id, bytes, maxPixels }) => {
  let images;
  try {
    images = await decodeAll({ buffer: bytes });
  } catch {
    return parentPort.postMessage({ id, error: 'unreadable' });
  }
  try {
    const primary = images[0];
    if (primary.width * primary.height > maxPixels) {
      return parentPort.postMessage({ id, error: 'too_large', width: primary.width, height: primary.height });
    }
    const { data, width, height } = await primary.decode();
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    parentPort.postMessage({ id, data: pixels, width, height }, [pixels.buffer]);
  } catch {
    parentPort.postMessage({ id, error: 'unreadable' });
  } finally {
    images.dispose();
  }
});
`;

let decoder: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (reply: DecodeReply) => void; reject: (error: Error) => void }>();

function startDecoder(): Worker {
  const worker = new Worker(DECODER_SOURCE, { eval: true });
  // Started on the first HEIC and kept for the next; it never holds the process open.
  worker.unref();
  worker.on('message', (reply: DecodeReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  const fail = () => {
    if (decoder === worker) decoder = null;
    for (const [id, job] of pending) {
      job.reject(unreadable());
      pending.delete(id);
    }
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  return worker;
}

/**
 * HEIC/HEIF (what iPhones save) to RGBA pixels: sharp's libvips has no HEVC decoder. The primary
 * image's size is checked against maxPixels before any pixel is decoded.
 */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<{ data: Buffer; width: number; height: number }> {
  decoder ??= startDecoder();
  const id = nextId++;
  const reply = await new Promise<DecodeReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    (decoder as Worker).postMessage({ id, bytes: new Uint8Array(bytes), maxPixels });
  });
  if (reply.error === 'too_large') {
    throw new ImageTooLargeError(`The photo is ${reply.width} x ${reply.height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read.`);
  }
  if (reply.error || !reply.data || !reply.width || !reply.height) throw unreadable();
  return { data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength), width: reply.width, height: reply.height };
}

/** Ends the decoder thread, if one was started (the service's close()). */
export async function stopHeicDecoder(): Promise<void> {
  const worker = decoder;
  decoder = null;
  if (worker) await worker.terminate();
}

function unreadable(): Error {
  return new DocumentUnreadableError('The HEIC photo could not be read. It may be damaged; export it again as JPEG or take the photo again.');
}
