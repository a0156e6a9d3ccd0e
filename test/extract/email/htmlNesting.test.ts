import { describe, expect, it } from 'vitest';
import { htmlNestsDeeperThan } from '../../../src/extract/email/htmlNesting.js';

describe('htmlNestsDeeperThan', () => {
  it('counts the levels a parser would build', () => {
    expect(htmlNestsDeeperThan('<div><div><span>x</span></div></div>', 3)).toBe(false);
    expect(htmlNestsDeeperThan('<div><div><span>x</span></div></div>', 2)).toBe(true);
    // An end tag closes down to its element; a stray one changes nothing.
    expect(htmlNestsDeeperThan('<div><b><i>x</div></span><div><b>y</b></div>', 3)).toBe(false);
    expect(htmlNestsDeeperThan('<!-- <div><div><div> --><div>x</div>', 1)).toBe(false);
  });

  it('does not count unclosed paragraphs, cells and items, nor void elements, as nesting', () => {
    const sloppy = `<table>${'<tr><td>a<td>b<p>c<li>d<br><img src=x>'.repeat(5000)}</table>`;
    expect(htmlNestsDeeperThan(sloppy, 10)).toBe(false);
  });

  it('finds hostile nesting', () => {
    expect(htmlNestsDeeperThan('<div>'.repeat(1001))).toBe(true);
    expect(htmlNestsDeeperThan('<div>'.repeat(1000))).toBe(false);
  });
});
