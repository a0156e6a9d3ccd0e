import { describe, expect, it } from 'vitest';
import { flowBlocks } from '../../../src/extract/pdf/flowBlocks.js';
import type { Segment } from '../../../src/extract/pdf/visualLines.js';

/** A line of text at a baseline, left-aligned at 60 pt, in 10-pt type. */
function line(text: string, baseline: number, x1 = 550): Segment {
  return { words: [{ text, x0: 60, x1 } as never], x0: 60, x1, top: baseline - 8, bottom: baseline + 2, baseline, size: 10, font: 'f1', doubled: false, pieces: 1 };
}

const texts = (lines: Segment[]) => flowBlocks(lines).map((b) => b.lines.map((l) => l.words[0].text));

describe('flowBlocks', () => {
  it('keeps a one-and-a-half-spaced paragraph together when its first step is a hair over 1.5 sizes (LaTeX)', () => {
    const lines = [
      line('Dear Kwame:', 271.7, 124),
      line('On behalf of Silverleaf Insurance, I am pleased to extend to you an offer for the position of', 297.2),
      line('Quantitative Analyst Intern in our Actuarial Analytics division. We were impressed by your', 313.0),
      line('demonstrated ability to lead teams, and we believe you will be an excellent addition.', 328.0, 480),
      line('The details of our offer are as follows:', 353.5, 260),
      line('Position: Quantitative Analyst Intern', 369.0, 300),
      line('Start Date: May 23, 2027', 384.0, 240),
      line('End Date: August 27, 2027', 399.0, 240),
    ];
    expect(texts(lines)).toEqual([
      ['Dear Kwame:'],
      [lines[1].words[0].text, lines[2].words[0].text, lines[3].words[0].text],
      ['The details of our offer are as follows:', 'Position: Quantitative Analyst Intern', 'Start Date: May 23, 2027', 'End Date: August 27, 2027'],
    ]);
  });

  it('still breaks single-spaced text at a blank line', () => {
    const lines = [line('First paragraph, line one', 100), line('line two of it.', 112, 200), line('Second paragraph.', 136, 200), line('Its second line.', 148, 200)];
    expect(texts(lines)).toEqual([
      ['First paragraph, line one', 'line two of it.'],
      ['Second paragraph.', 'Its second line.'],
    ]);
  });
});
