import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The README's students section: the commands and outputs there are run by the tests. */
export function studentsSection(): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- section:students -->');
  const end = readme.indexOf('<!-- /section:students -->');
  if (start < 0 || end < start) throw new Error('README.md has no students section');
  return readme.slice(start, end);
}

/** The bodies of the fenced blocks of one language, in order. */
export function fencedBlocks(section: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  for (let m = fence.exec(section); m; m = fence.exec(section)) blocks.push(m[1]);
  return blocks;
}

/** Shell lines starting with `command`, without their trailing `# comment`. */
export function commandLines(section: string, command: string): string[] {
  return fencedBlocks(section, 'sh')
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith(`${command} `))
    .map((line) => line.replace(/\s+#.*$/, '').trim());
}

/** Splits a command line the way sh would for the simple quoting the README uses ('...' and "..."). */
export function shellWords(line: string): string[] {
  const words = line.match(/(?:'[^']*'|"[^"]*"|[^\s'"]+)+/g) ?? [];
  return words.map((word) => word.replace(/'([^']*)'|"([^"]*)"/g, (_, single: string | undefined, double: string | undefined) => single ?? double ?? ''));
}

/**
 * The README shows abridged output: every key and value it shows must be in the real answer.
 * An array shown empty must be empty; a longer array may be cut short in the README.
 */
export function expectShownIn(actual: unknown, shown: unknown, where = '$'): void {
  if (Array.isArray(shown)) {
    expect(Array.isArray(actual), where).toBe(true);
    if (shown.length === 0) expect(actual, where).toEqual([]);
    shown.forEach((item, i) => expectShownIn((actual as unknown[])[i], item, `${where}[${i}]`));
  } else if (shown !== null && typeof shown === 'object') {
    expect(actual, where).toBeTypeOf('object');
    for (const [key, value] of Object.entries(shown)) {
      expect(actual as object, `${where} has ${key}`).toHaveProperty([key]);
      expectShownIn((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
  } else {
    expect(actual, where).toEqual(shown);
  }
}
