import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parseCliArgs.js';
import { runCli } from '../../src/cli/runCli.js';
import { REPO_ROOT, commandLines, fencedBlocks, shellWords, studentsSection } from './readmeSection.js';

describe('the README students section, command line', () => {
  const section = studentsSection();
  const lines = commandLines(section, 'npx offercheck');

  it('shows commands whose options all exist', () => {
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      // Everything up to a redirection is the command's own arguments.
      const words = shellWords(line.split(' > ')[0]).slice(2);
      expect(() => parseCliArgs(words), line).not.toThrow();
    }
  });

  it('shows what its first command really prints, line for line', async () => {
    const [first] = lines;
    expect(first).toMatch(/^npx offercheck fixtures\//);
    let printed = '';
    const code = await runCli(shellWords(first).slice(2), {
      stdout: { write: (chunk: string) => (printed += chunk) },
      stderr: { write: () => true },
      env: { OCR_WORKERS: '0' },
      cwd: REPO_ROOT,
    });
    expect(code).toBe(1); // the letter is incomplete, as its first line says
    const shown = fencedBlocks(section, 'text')[0].trimEnd().split('\n');
    const real = printed.split('\n');
    // Abridged: every shown line is printed, in the same order.
    let at = 0;
    for (const line of shown) {
      const found = real.indexOf(line, at);
      expect(found, `README line not printed: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
