import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGLISH_MODEL_FILE } from '../../../src/extract/ocr/engineParameters.js';
import { nativeModelDir } from '../../../src/extract/ocr/nativeModelDir.js';

describe('nativeModelDir', () => {
  let root: string;
  let model: Buffer;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-model-'));
    model = zlib.gunzipSync(fs.readFileSync(ENGLISH_MODEL_FILE));
  });
  afterEach(() => {
    // Sealed directories must be opened up before they can be removed.
    for (const dir of fs.readdirSync(root, { recursive: true }).map((d) => path.join(root, String(d)))) {
      if (fs.lstatSync(dir).isDirectory()) fs.chmodSync(dir, 0o755);
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('unpacks the npm model once into a read-only directory named by its content, and finds it again', () => {
    const dir = nativeModelDir([path.join(root, 'cache')]);
    expect(path.basename(dir)).toMatch(/^tessdata-eng-[0-9a-f]{16}$/);
    expect(fs.readdirSync(dir)).toEqual(['eng.traineddata']);
    expect(fs.readFileSync(path.join(dir, 'eng.traineddata')).equals(model)).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o555);
    expect(fs.statSync(path.join(dir, 'eng.traineddata')).mode & 0o777).toBe(0o444);
    const written = fs.statSync(path.join(dir, 'eng.traineddata')).mtimeMs;
    expect(nativeModelDir([path.join(root, 'cache')])).toBe(dir);
    expect(fs.statSync(path.join(dir, 'eng.traineddata')).mtimeMs).toBe(written);
    // No half-written staging directory is left behind.
    expect(fs.readdirSync(path.join(root, 'cache'))).toEqual([path.basename(dir)]);
  });

  it('never reads a copy that differs from the model or that others could change: it goes to the next place', () => {
    const name = path.basename(nativeModelDir([path.join(root, 'probe')]));
    const planted = path.join(root, 'planted', name);
    fs.mkdirSync(planted, { recursive: true });
    fs.writeFileSync(path.join(planted, 'eng.traineddata'), Buffer.concat([model.subarray(0, model.length - 1), Buffer.from([0])]));
    fs.chmodSync(path.join(planted, 'eng.traineddata'), 0o444);
    fs.chmodSync(planted, 0o555);
    const writable = path.join(root, 'writable', name);
    fs.mkdirSync(writable, { recursive: true });
    fs.writeFileSync(path.join(writable, 'eng.traineddata'), model, { mode: 0o644 });

    expect(nativeModelDir([path.join(root, 'planted'), path.join(root, 'writable'), path.join(root, 'good')])).toBe(path.join(root, 'good', name));
    expect(() => nativeModelDir([path.join(root, 'planted'), path.join(root, 'writable')])).toThrow(/Could not prepare the English model for native tesseract/);
  });
});
