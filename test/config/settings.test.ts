import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.js';
import { ROOT } from '../helper.js';

const KEY = randomBytes(32).toString('base64');
const REDIS_URL = 'redis://offercheck:s3cret-password@redis.internal:6379/0';

function refusal(env: Record<string, string>): string {
  try {
    loadSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
}

/** Exit code and output of an entry point started with these settings (tsx runs the source that the build compiles). */
function exitOf(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('settings for the fleet', () => {
  it('REDIS_URL needs a JOB_ENCRYPTION_KEY of 32 bytes in base64; neither value is ever echoed', () => {
    expect(refusal({ REDIS_URL })).toMatch(/JOB_ENCRYPTION_KEY: required with REDIS_URL/);
    const short = randomBytes(16).toString('base64');
    const message = refusal({ REDIS_URL, JOB_ENCRYPTION_KEY: short });
    expect(message).toMatch(/JOB_ENCRYPTION_KEY: base64 of exactly 32 bytes .*\(got a value of 24 characters\)/);
    expect(message).not.toContain(short);
    const badUrl = refusal({ REDIS_URL: 'http://user:hunter2@redis.internal', JOB_ENCRYPTION_KEY: KEY });
    expect(badUrl).toMatch(/REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/);
    expect(badUrl).not.toContain('hunter2');
    expect(loadSettings({ REDIS_URL, JOB_ENCRYPTION_KEY: KEY })).toMatchObject({ REDIS_URL, JOB_ENCRYPTION_KEY: KEY });
    // Without REDIS_URL, nothing of the fleet is needed: `npm start` as it always was.
    expect(loadSettings({}).REDIS_URL).toBeUndefined();
  });

  it('the service and a worker refuse to start (exit 78) with REDIS_URL and no valid key; a worker without REDIS_URL too', async () => {
    const [service, worker, noRedis] = await Promise.all([
      exitOf('src/http/server.ts', { REDIS_URL }),
      exitOf('src/worker/main.ts', { REDIS_URL, JOB_ENCRYPTION_KEY: 'not-a-key' }),
      exitOf('src/worker/main.ts', {}),
    ]);
    expect(service.code, service.output).toBe(78);
    expect(service.output).toMatch(/JOB_ENCRYPTION_KEY/);
    expect(service.output).not.toContain('s3cret-password');
    expect(worker.code, worker.output).toBe(78);
    expect(worker.output).not.toContain('not-a-key');
    expect(noRedis.code, noRedis.output).toBe(78);
    expect(noRedis.output).toMatch(/REDIS_URL/);
  });
});

describe('loadSettings: the reader children', () => {
  it('defaults to a 256 MB heap, a 768 MB ceiling and 1000 documents per child', () => {
    expect(loadSettings({})).toMatchObject({ READER_MEMORY_MB: 256, READER_RSS_MB: 768, READER_MAX_TASKS: 1000 });
  });

  it('names every bad reader setting at once', () => {
    const error = (() => {
      try {
        loadSettings({ READER_RSS_MB: '100', READER_MAX_TASKS: '0' });
      } catch (e) {
        return e as SettingsError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.issues.join('\n')).toMatch(/READER_RSS_MB/);
    expect(error.issues.join('\n')).toMatch(/READER_MAX_TASKS/);
  });

  it('refuses a ceiling no larger than the heap cap it contains', () => {
    expect(() => loadSettings({ READER_MEMORY_MB: '512', READER_RSS_MB: '512' })).toThrow(/READER_RSS_MB: must be larger than READER_MEMORY_MB \(512\)/);
    expect(loadSettings({ READER_MEMORY_MB: '512', READER_RSS_MB: '1024' })).toMatchObject({ READER_RSS_MB: 1024 });
  });
});
