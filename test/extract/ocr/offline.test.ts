import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

describe('OCR offline', () => {
  it('reads a page with every network call blocked, in the process and in its OCR worker threads', async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-offline-')), 'network.jsonl');
    fs.writeFileSync(logFile, '');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--import', path.join(here, 'offline/blockNetwork.mjs'), path.join(here, 'offline/readOffline.ts')],
      { cwd: repo, env: { ...process.env, NETWORK_LOG: logFile }, timeout: 60_000 },
    );
    const entries = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { thread: number; main: boolean; guard?: string; attempt?: string });
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });

    expect(entries.filter((e) => e.attempt)).toEqual([]);
    // The guard ran in the main thread and in at least one worker thread (the OCR engine's).
    expect(entries.some((e) => e.guard && e.main)).toBe(true);
    expect(entries.some((e) => e.guard && !e.main)).toBe(true);
    const read = JSON.parse(stdout) as { text: string; confidence: number };
    expect(read.text).toContain('40 hours per week');
    expect(read.text).toContain('Brightwater Analytics');
    expect(read.confidence).toBeGreaterThan(0.8);
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
