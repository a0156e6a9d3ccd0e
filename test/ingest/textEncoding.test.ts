import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectTextEncoding, encodingOfLabel } from '../../src/ingest/textEncoding.js';

// An invented letter with what Word's "plain text" on Windows writes as windows-1252: smart quotes, a dash, é, €.
const WESTERN = `Fernhollow Bistro Group
12 Quarry Lane, Portland, OR 97201

Dear Lucía Ferreira,

We’re pleased to offer you an internship as a Pastry Intern at Café Lumière, our “Old Town” kitchen.
You will work 20 hours per week from June 1, 2027 to August 20, 2027, paid €18.50 per hour — in euros.

Sincerely,
Renée Dubois, HR Manager`;

const read = (bytes: Uint8Array, declared?: string) => {
  const encoding = detectTextEncoding(bytes, declared);
  return { encoding, text: encoding ? decodeText(bytes, encoding) : null };
};

describe('detectTextEncoding and decodeText', () => {
  it('reads a windows-1252 letter with smart quotes, "Café" and "€"', () => {
    const bytes = iconv.encode(WESTERN, 'windows-1252');
    expect(bytes.includes(0x92)).toBe(true); // ’ is 0x92 there, a C1 control in latin1
    expect(read(bytes)).toEqual({ encoding: 'windows-1252', text: WESTERN });
  });

  it('reads a latin-1 letter', () => {
    const text = 'Sehr geehrte Frau Müller,\n\nwir freuen uns, Ihnen ein Praktikum bei der Größenwahn GmbH in Düsseldorf anzubieten: 20 Stunden pro Woche.\n\nMit freundlichen Grüßen\nJürgen Weiß';
    const { text: decoded } = read(iconv.encode(text, 'latin1'));
    expect(decoded).toBe(text);
  });

  it('reads UTF-16LE and UTF-16BE with a byte order mark, and UTF-8 with or without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WESTERN, 'utf16le')]);
    expect(read(le)).toEqual({ encoding: 'utf-16le', text: WESTERN });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(read(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ encoding: 'utf-16be', text: WESTERN });
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WESTERN)]))).toEqual({ encoding: 'utf-8', text: WESTERN });
    expect(read(Buffer.from(WESTERN))).toEqual({ encoding: 'utf-8', text: WESTERN });
  });

  it('follows a declared charset, and the detector when a declared UTF-8 is not UTF-8', () => {
    const russian = 'Уважаемая Анна Смирнова, мы рады предложить вам стажировку: 20 часов в неделю.';
    expect(read(iconv.encode(russian, 'koi8-r'), 'KOI8-R')).toEqual({ encoding: 'koi8-r', text: russian });
    expect(read(iconv.encode(WESTERN, 'windows-1252'), 'utf-8')).toEqual({ encoding: 'windows-1252', text: WESTERN });
    // latin1 and us-ascii labels mean windows-1252, as in every browser (WHATWG Encoding).
    expect(read(iconv.encode(WESTERN, 'windows-1252'), 'ISO-8859-1').text).toBe(WESTERN);
    // An unknown label is ignored.
    expect(read(iconv.encode(WESTERN, 'windows-1252'), 'x-no-such-charset').text).toBe(WESTERN);
  });

  it('detects a Cyrillic and a Japanese letter in their legacy encodings', () => {
    const russian = 'ООО «Северный Ветер», г. Казань\n\nУважаемая Анна Смирнова,\n\nМы рады предложить вам стажировку в должности младшего аналитика данных.\nВы будете работать 20 часов в неделю с 1 июня 2027 года по 20 августа 2027 года.';
    expect(read(iconv.encode(russian, 'windows-1251'))).toEqual({ encoding: 'windows-1251', text: russian });
    const japanese = '株式会社さくらデータ\n山田花子様\n\nこの度、データ分析インターンとして採用することになりましたのでお知らせします。\n勤務時間は週20時間、期間は2027年6月1日から2027年8月20日までです。';
    expect(read(iconv.encode(japanese, 'shift_jis'))).toEqual({ encoding: 'shift_jis', text: japanese });
  });

  it('calls bytes with control characters binary, in any encoding', () => {
    expect(detectTextEncoding(Buffer.from([0x41, 0x00, 0x42, 0x01]))).toBeNull();
    expect(detectTextEncoding(Buffer.from([0x93, 0x41, 0x02, 0xe9]))).toBeNull();
    expect(detectTextEncoding(Buffer.from('line one\r\n\tline two\f\n'))).toBe('utf-8');
  });

  it('names charset labels the WHATWG way', () => {
    expect(encodingOfLabel('latin1')).toBe('windows-1252');
    expect(encodingOfLabel('"Shift_JIS"')).toBe('shift_jis');
    expect(encodingOfLabel('iso-2022-kr')).toBeNull();
    expect(encodingOfLabel('utf-7')).toBeNull();
    expect(encodingOfLabel(null)).toBeNull();
  });
});
