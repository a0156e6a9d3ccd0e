import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.js';

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
