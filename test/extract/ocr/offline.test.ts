import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findNativeTesseract } from '../../../src/extract/ocr/nativeTesseract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

describe('OCR offline', () => {
  async function readOffline(engine: 'wasm' | 'native') {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-offline-')), 'network.jsonl');
    fs.writeFileSync(logFile, '');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--import', path.join(here, 'offline/blockNetwork.mjs'), path.join(here, 'offline/readOffline.ts')],
      { cwd: repo, env: { ...process.env, NETWORK_LOG: logFile, OCR_ENGINE: engine }, timeout: 60_000 },
    );
    const entries = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { thread: number; main: boolean; guard?: string; attempt?: string });
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
    const read = JSON.parse(stdout) as { text: string; confidence: number; engine: string };
    expect(read.engine).toBe(engine);
    expect(read.text).toContain('40 hours per week');
    expect(read.text).toContain('Brightwater Analytics');
    expect(read.confidence).toBeGreaterThan(0.8);
    expect(entries.filter((e) => e.attempt)).toEqual([]);
    // The guard ran in the main thread.
    expect(entries.some((e) => e.guard && e.main)).toBe(true);
    return entries;
  }

  it('reads a page with tesseract.js with every network call blocked, in the process and in its OCR worker threads', async () => {
    const entries = await readOffline('wasm');
    // ... and in at least one worker thread (the OCR engine's, which would fetch its model from a CDN without a local path).
    expect(entries.some((e) => e.guard && !e.main)).toBe(true);
  });

  // Native tesseract is a local program reading a local model file; the guard covers the service around it.
  it.skipIf(!findNativeTesseract())('reads a page with native tesseract with every network call of the service blocked', async () => {
    await readOffline('native');
  });

  it('the guard works: a fetch in the guarded process is recorded and fails', async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-offline-')), 'network.jsonl');
    fs.writeFileSync(logFile, '');
    const run = promisify(execFile)(
      process.execPath,
      ['--import', path.join(here, 'offline/blockNetwork.mjs'), '--input-type=module', '-e', "await fetch('https://cdn.jsdelivr.net/')"],
      { cwd: repo, env: { ...process.env, NETWORK_LOG: logFile }, timeout: 20_000 },
    );
    await expect(run).rejects.toThrow(/network access blocked/);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('"attempt":"fetch"');
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });
});
