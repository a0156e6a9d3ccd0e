import iconv from 'iconv-lite';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { declareBodyCharsets } from '../../src/extract/declareBodyCharsets.js';

const HEAD = 'From: Renée Dubois <renee@fernhollow.example>\r\nTo: Lucía Ferreira <lucia@student.example>\r\nSubject: Offer\r\nMIME-Version: 1.0\r\n';

describe('declareBodyCharsets', () => {
  it('leaves a message that is all UTF-8 alone, without splitting it', async () => {
    const raw = Buffer.from(`${HEAD}Content-Type: text/plain\r\n\r\nWelcome to Café Lumière.\r\n`);
    expect(await declareBodyCharsets(raw)).toBe(raw);
  });

  it('declares the detected charset on 8-bit parts that name none, US-ASCII or UTF-8, and only there', async () => {
    const raw = Buffer.concat([
      Buffer.from(`${HEAD}Content-Type: multipart/alternative; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nWelcome to Caf=E9 Lumi=E8re, =93our kitchen=94.\r\n--zz\r\nContent-Type: text/html\r\n\r\n`),
      iconv.encode('<p>Welcome to Café Lumière, “our kitchen”.</p>\r\n--zz\r\nContent-Type: text/plain; charset=iso-8859-2\r\n\r\n', 'windows-1252'),
      iconv.encode('Zażółć gęślą jaźń.\r\n--zz--\r\n', 'iso-8859-2'),
    ]);
    const out = await declareBodyCharsets(raw);
    const text = out.toString('latin1');
    expect(text).toMatch(/Content-Type: text\/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable/);
    expect(text).toMatch(/Content-Type: text\/html; charset=windows-1252\r\n\r\n<p>/);
    expect(text).toContain('Content-Type: text/plain; charset=iso-8859-2\r\n');
    // Everything but the two Content-Type lines is as it was.
    const changed = text.split('\r\n').filter((line, i) => line !== raw.toString('latin1').split('\r\n')[i]);
    expect(changed).toEqual(['Content-Type: text/plain; charset=windows-1252', 'Content-Type: text/html; charset=windows-1252']);
    const mail = await simpleParser(out);
    expect(mail.text).toContain('Welcome to Café Lumière, “our kitchen”.');
    expect(mail.html).toContain('Welcome to Café Lumière, “our kitchen”.');
  });

  it('gives a single-part message without any Content-Type one', async () => {
    const raw = Buffer.concat([Buffer.from(`${HEAD}\r\n`), iconv.encode('Bienvenue au Café Lumière.\r\n', 'latin1')]);
    const mail = await simpleParser(await declareBodyCharsets(raw));
    expect(mail.text).toBe('Bienvenue au Café Lumière.\n');
  });
});
