import { describe, expect, it } from 'vitest';
import { imagePlacements, type XObjectLookup } from '../../../src/extract/pdf/imagePlacements.js';

const images: XObjectLookup = (name) => (name.startsWith('Im') ? { kind: 'image' } : null);

describe('imagePlacements', () => {
  it('places each image by the transformation matrix in force: cm, and q/Q around it', () => {
    const content = 'q 100 0 0 50 72 700 cm /Im1 Do Q q 2 0 0 2 10 10 cm q 30 0 0 20 0 0 cm /Im2 Do Q /Im1 Do Q';
    expect(imagePlacements(content, images)).toEqual([
      { x0: 72, y0: 700, x1: 172, y1: 750 },
      { x0: 10, y0: 10, x1: 70, y1: 50 },
      { x0: 10, y0: 10, x1: 12, y1: 12 },
    ]);
  });

  it('follows a form through its /Matrix and its own names, and reads inline images', () => {
    const form: XObjectLookup = (name) =>
      name === 'Fm1' ? { kind: 'form', content: 'q 40 0 0 40 0 0 cm /Im9 Do Q', matrix: [1, 0, 0, 1, 100, 0], lookup: images } : images(name);
    expect(imagePlacements('q 1 0 0 1 0 500 cm /Fm1 Do Q', form)).toEqual([{ x0: 100, y0: 500, x1: 140, y1: 540 }]);
    const inline = 'q 16 0 0 8 300 300 cm BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xffEI Q';
    expect(imagePlacements(inline, images)).toEqual([{ x0: 300, y0: 300, x1: 316, y1: 308 }]);
  });

  it('passes over text objects, strings that look like operators included', () => {
    const content = 'BT /F1 12 Tf 72 700 Td (Q cm ET q \\) Do) Tj [(BI) 20 (x)] TJ ET q 5 0 0 5 1 1 cm /Im1 Do Q';
    expect(imagePlacements(content, images)).toEqual([{ x0: 1, y0: 1, x1: 6, y1: 6 }]);
  });

  it('gives up (null) on a name it cannot follow; skips what is neither image nor form', () => {
    expect(imagePlacements('/Unknown Do', images)).toBeNull();
    expect(imagePlacements('/Ps1 Do q 1 0 0 1 0 0 cm /Im1 Do Q', (n) => (n === 'Ps1' ? { kind: 'other' } : images(n)))).toEqual([{ x0: 0, y0: 0, x1: 1, y1: 1 }]);
  });
});
