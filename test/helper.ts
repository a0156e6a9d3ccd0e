import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadSettings, type Settings } from '../src/config/settings.js';
import { buildApp } from '../src/http/app.js';
import { loggerOptions } from '../src/http/logger.js';
import pino from 'pino';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Settings for tests: quiet logs, no OCR workers and the document readers in the test's own thread
 * (READER_WORKERS=0), unless a test asks for them; the isolation tests start reader workers themselves.
 */
export function testSettings(overrides: Record<string, string> = {}): Settings {
  return loadSettings({ LOG_LEVEL: 'silent', OCR_WORKERS: '0', READER_WORKERS: '0', ...overrides });
}

/** The app as the service builds it, for app.inject(); closed by the caller (afterAll). */
export async function buildTestApp(overrides: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ settings: testSettings(overrides) });
  await app.ready();
  return app;
}

export function fixture(relativePath: string): Buffer {
  return readFileSync(new URL(`../fixtures/${relativePath}`, import.meta.url));
}

/** A multipart/form-data body for app.inject, with the file and text fields in the given order. */
export function multipartBody(parts: { name: string; value: string | Buffer; filename?: string; contentType?: string }[]) {
  const boundary = `----offercheck${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(`../${relativePath}`, import.meta.url), 'utf8')) as T;
}

/**
 * The service's own logger (its redaction and serializers) writing into memory: each JSON line
 * pushed to `lines` as written. `level` overrides the settings' level (trace, to see everything).
 */
export function capturedLogger(settings: Settings, lines: string[], level?: string): pino.Logger {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const options = loggerOptions(settings) as pino.LoggerOptions;
  return pino(level ? { ...options, level } : options, capture);
}
