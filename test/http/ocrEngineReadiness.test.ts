import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findNativeTesseract } from '../../src/extract/ocr/nativeTesseract.js';
import { buildApp } from '../../src/http/app.js';
import { capturedLogger, testSettings } from '../helper.js';

const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const validReadiness = ajv.compile({ $ref: 'spec#/components/schemas/Readiness' });

/** The app with one real OCR worker of the given engine, its start-up log kept. */
async function startWith(ocrEngine: string) {
  const settings = testSettings({ LOG_LEVEL: 'info', OCR_WORKERS: '1', OCR_ENGINE: ocrEngine });
  const written: string[] = [];
  const app = await buildApp({ settings, fastify: { logger: undefined, loggerInstance: capturedLogger(settings, written) } });
  return { app, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('/readyz and the start-up log name the OCR engine', () => {
  const engines = findNativeTesseract() ? ['wasm', 'native'] : ['wasm'];

  it.each(engines)('OCR_ENGINE=%s', async (engine) => {
    const { app, lines } = await startWith(engine);
    try {
      await app.checker.ready();
      await new Promise((r) => setImmediate(r));
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toEqual({ status: 'ready', ocrEngine: engine });
      expect(validReadiness(ready.json())).toBe(true);
      const started = lines().find((l) => typeof l.msg === 'string' && l.msg.startsWith('OCR engine:'));
      expect(started?.ocr).toMatchObject({ name: engine, workers: 1 });
    } finally {
      await app.close();
    }
  });

  it('without OCR, /readyz says so', async () => {
    const app = await buildApp({ settings: testSettings() });
    try {
      await app.checker.ready();
      await new Promise((r) => setImmediate(r));
      expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', ocrEngine: null });
    } finally {
      await app.close();
    }
  });

  it('OCR_ENGINE=native on a machine without tesseract: the service does not start, and says why', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startWith('native')).rejects.toThrow(/OCR_ENGINE=native, but no tesseract was found on PATH.*Install Debian's tesseract-ocr/);
    } finally {
      process.env.PATH = path;
    }
  });
});
