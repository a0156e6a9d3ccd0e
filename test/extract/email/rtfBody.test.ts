import { describe, expect, it } from 'vitest';
import { compressedRtf } from '../../../scripts/fixtures/render/msg.js';
import { rtfBody } from '../../../src/extract/email/rtfBody.js';
import { encapsulateHtml } from './outlookRtf.js';

describe('rtfBody', () => {
  const html = '<html><body><p>Dear José,</p><table><tr><th>Start date</th><td>June 1, 2027</td></tr></table></body></html>';

  it('unwraps the HTML Outlook encapsulates in RTF, from an LZFu stream and from the uncompressed form', () => {
    for (const form of ['LZFu', 'MELA'] as const) {
      expect(rtfBody(compressedRtf(encapsulateHtml(html), form))).toEqual({ kind: 'html', html });
    }
  });

  it('unwraps encapsulated plain text, decoding the code page', () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0\\fmodern Courier New;}}\\f0\\fs20 Dear Jos\\'e9,\\par\\par Start date: June 1, 2027\\par}";
    expect(rtfBody(compressedRtf(rtf, 'MELA'))).toEqual({ kind: 'text', text: 'Dear José,\r\n\r\nStart date: June 1, 2027\r\n' });
  });

  it('gives nothing for native RTF, which wraps no HTML or text, and for damaged or oversized data', () => {
    expect(rtfBody(compressedRtf('{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 Dear Jos\\u233?,\\par}', 'LZFu'))).toBeNull();
    const good = compressedRtf(encapsulateHtml(html), 'LZFu');
    // A header that claims more data than there is.
    const truncated = good.subarray(0, good.length - 20);
    expect(rtfBody(truncated)).toBeNull();
    const unknownType = Buffer.from(good);
    unknownType.write('XXXX', 8, 'latin1');
    expect(rtfBody(unknownType)).toBeNull();
    const hugeRaw = Buffer.from(good);
    hugeRaw.writeUInt32LE(0x7fffffff, 4);
    expect(rtfBody(hugeRaw)).toBeNull();
    expect(rtfBody(new Uint8Array(8))).toBeNull();
  });
});
