import type { FuzzInput } from './corpus.js';

interface Message {
  /** Header lines, unfolded no further than they came. */
  headers: string[];
  body: string;
  eol: string;
  /** The top-level multipart boundary, if any. */
  boundary: string | null;
}

/** Headers and body of an email, split at the first empty line, as latin1 so every byte survives. */
export function splitMessage(bytes: Buffer): Message | null {
  const text = bytes.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = text.indexOf(eol + eol);
  if (at < 0) return null;
  const headers = text.slice(0, at).split(eol);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text.slice(0, at))?.[1] ?? null;
  return { headers, body: text.slice(at + eol.length * 2), eol, boundary };
}

const join = (m: Message, headers = m.headers, body = m.body) => Buffer.from(`${headers.join(m.eol)}${m.eol}${m.eol}${body}`, 'latin1');
const withoutContentHeaders = (headers: string[]) => {
  const out: string[] = [];
  let skipping = false;
  for (const line of headers) {
    if (/^\s/.test(line) && skipping) continue;
    skipping = /^content-(type|transfer-encoding):/i.test(line);
    if (!skipping) out.push(line);
  }
  return out;
};
const contentHeaders = (headers: string[]) => {
  const out: string[] = [];
  let taking = false;
  for (const line of headers) {
    if (/^\s/.test(line)) {
      if (taking) out.push(line);
      continue;
    }
    taking = /^content-(type|transfer-encoding):/i.test(line);
    if (taking) out.push(line);
  }
  return out;
};

/**
 * Structured mutations of an email's MIME tree: the message wrapped in multiparts and attached
 * messages nested thousands deep, boundaries missing, never closed, empty or prefixes of each other,
 * headers of megabytes or by the ten thousand, charsets that do not exist or do not match the
 * bytes, transfer encodings that are garbage, broken encoded words.
 */
export function mimeTreeMutations(seed: FuzzInput, random: () => number, count: number): FuzzInput[] {
  const m = splitMessage(seed.bytes);
  if (!m) return [];
  const { eol } = m;
  const envelope = withoutContentHeaders(m.headers);
  const inner = [...contentHeaders(m.headers), '', m.body].join(eol);
  const out: FuzzInput[] = [];
  const add = (what: string, bytes: Buffer) => out.push({ ...seed, name: `${seed.name} MIME: ${what}`, bytes });
  const nest = (levels: number, kind: 'multipart' | 'message') => {
    let part = inner;
    for (let i = 0; i < levels; i++) {
      part =
        kind === 'multipart'
          ? [`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`, part, `--n${i}--`, ''].join(eol)
          : ['Content-Type: message/rfc822', '', `Subject: level ${i}`, 'MIME-Version: 1.0', part].join(eol);
    }
    return Buffer.from([...envelope, part].join(eol), 'latin1');
  };
  const replaceContentType = (type: string, encoding?: string) =>
    join(m, [...envelope, `Content-Type: ${type}`, ...(encoding ? [`Content-Transfer-Encoding: ${encoding}`] : [])]);
  const b = m.boundary;

  const kinds: (() => void)[] = [
    () => add('wrapped in 60 nested multiparts', nest(60, 'multipart')),
    () => add('wrapped in 2000 nested multiparts', nest(2000, 'multipart')),
    () => add('wrapped in 500 nested attached messages', nest(500, 'message')),
    () => add('wrapped in 5000 nested attached messages', nest(5000, 'message')),
    () => b && add('no closing boundary', join(m, m.headers, m.body.split(`--${b}--`).join(''))),
    () => b && add('no boundary lines at all', join(m, m.headers, m.body.split(`--${b}`).join(''))),
    () => b && add('a boundary that never occurs', join(m, m.headers.map((h) => h.split(b).join(`${b}-absent`)))),
    () => b && add('an empty boundary', join(m, m.headers.map((h) => h.split(`"${b}"`).join('""').split(`=${b}`).join('=')))),
    () => b && add('a boundary that is a prefix of every line', join(m, m.headers.map((h) => h.split(b).join('')), m.body.split(`--${b}`).join('--'))),
    () => add('multipart with no boundary parameter', replaceContentType('multipart/mixed')),
    () => add('a 4 MB header line', join(m, [...m.headers, `X-Padding: ${'x'.repeat(4 * 1024 * 1024)}`])),
    () => add('a subject folded 100000 times', join(m, [...m.headers, `X-Folded: a`, ...Array.from({ length: 100_000 }, () => ' b')])),
    () => add('20000 headers', join(m, [...m.headers, ...Array.from({ length: 20_000 }, (_, i) => `X-H${i}: ${i}`)])),
    () => add('a Content-Type with 10000 parameters', join(m, [...envelope, `Content-Type: text/plain; ${Array.from({ length: 10_000 }, (_, i) => `p${i}=v${i}`).join('; ')}`])),
    () => add('5000 encoded words in the subject', join(m, [...m.headers.filter((h) => !/^subject:/i.test(h)), `Subject: ${'=?utf-8?B?T2ZmZXI=?= '.repeat(5000)}`])),
    () => add('broken encoded words', join(m, [...m.headers.filter((h) => !/^(subject|from):/i.test(h)), 'Subject: =?utf-8?B?!!!not base64!!!?= =?x-no-such?Q?=ZZ=?= =?utf-8?Q?', 'From: =?utf-8?B?=?= <=?utf-8?Q?a?=@example.com>'])),
    () => add('a charset that does not exist', replaceContentType('text/plain; charset=x-no-such-charset')),
    () => add('UTF-7', replaceContentType('text/plain; charset=utf-7')),
    () => add('UTF-16 over odd bytes', join(m, [...envelope, 'Content-Type: text/plain; charset=utf-16'], `${m.body}\u00ff`)),
    () => add('ISO-2022-JP with stray escapes', join(m, [...envelope, 'Content-Type: text/plain; charset=iso-2022-jp'], `\u001b$B${m.body}\u001b(J\u001b$`)),
    () => add('base64 that is garbage', join(m, [...envelope, 'Content-Type: text/plain', 'Content-Transfer-Encoding: base64'], '!!!!****####'.repeat(20_000))),
    () => add('quoted-printable that is garbage', join(m, [...envelope, 'Content-Type: text/plain', 'Content-Transfer-Encoding: quoted-printable'], `${'=ZZ=\r=\n='.repeat(20_000)}=`)),
    () => add('an unknown transfer encoding', replaceContentType('text/plain', 'x-uuencode-maybe')),
    () => add('binary NUL bytes in the body', join(m, m.headers, m.body.replace(/ /g, () => (random() < 0.1 ? '\u0000' : ' ')))),
    () => add('a multipart declared as text/plain', join(m, [...envelope, 'Content-Type: text/plain'], m.body)),
    () => add('a text body declared as multipart/mixed', join(m, [...envelope, 'Content-Type: multipart/mixed; boundary="x"'], m.body)),
    () => add('bare LF and CR line ends mixed', Buffer.from(seed.bytes.toString('latin1').replace(/\r?\n/g, () => ['\n', '\r', '\r\n'][Math.floor(random() * 3)]), 'latin1')),
    () => add('no empty line between headers and body', Buffer.from(`${m.headers.join(eol)}${eol}${m.body}`, 'latin1')),
  ];
  for (let i = 0; out.length < count && i < count * 3; i++) kinds[i % kinds.length]();
  return out.slice(0, count);
}
