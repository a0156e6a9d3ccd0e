import { describe, expect, it } from 'vitest';
import { decodeCodepage } from '../../../src/extract/email/decodeCodepage.js';

describe('decodeCodepage', () => {
  it('decodes Windows code pages by number or by the name RTF parsers give them', () => {
    expect(decodeCodepage(Buffer.from([0x4a, 0x6f, 0x73, 0xe9]), 1252)).toBe('José');
    expect(decodeCodepage(Buffer.from([0xe9]), 'cp1252')).toBe('é');
    expect(decodeCodepage(Buffer.from([0xc4, 0xe5]), 'cp1251')).toBe('Де');
    expect(decodeCodepage(Buffer.from([0x93, 0xfa]), 932)).toBe('日');
    expect(decodeCodepage(Buffer.from('Núñez', 'utf8'), 65001)).toBe('Núñez');
  });

  it('reads an unknown code page as Windows-1252', () => {
    expect(decodeCodepage(Buffer.from([0xe9]), 99999)).toBe('é');
    expect(decodeCodepage(Buffer.from([0xe9]), null)).toBe('é');
  });
});
