/**
 * Bytes in a Windows code page as text: what an Outlook message's HTML property (PR_HTML, in the
 * message's internet code page) and an RTF body (\ansicpg, \fcharset) are written in. Node's
 * TextDecoder knows the WHATWG encodings, whose labels cover most code pages ("cp1252", "cp866");
 * the rest are named here. An unknown code page reads as Windows-1252, the RTF default.
 */
const CODEPAGE_LABELS: Record<number, string> = {
  708: 'iso-8859-6',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  10000: 'macintosh',
  20127: 'us-ascii',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'iso-8859-1',
  28592: 'iso-8859-2',
  28595: 'iso-8859-5',
  28597: 'iso-8859-7',
  28599: 'iso-8859-9',
  28605: 'iso-8859-15',
  50220: 'iso-2022-jp',
  51932: 'euc-jp',
  54936: 'gb18030',
  65001: 'utf-8',
};

/** `codepage` is a number (1252) or a name as RTF parsers write it ("cp1252"). */
export function decodeCodepage(bytes: Uint8Array, codepage: number | string | null): string {
  return decoderFor(codepage).decode(bytes);
}

function decoderFor(codepage: number | string | null): TextDecoder {
  const digits = typeof codepage === 'number' ? String(codepage) : /^(?:cp|windows-?)?(\d+)$/i.exec(codepage ?? '')?.[1];
  const labels = digits ? [CODEPAGE_LABELS[Number(digits)], `cp${digits}`] : [codepage as string | null];
  for (const label of labels) {
    if (!label) continue;
    try {
      return new TextDecoder(label);
    } catch {
      // not a label this runtime knows: try the next
    }
  }
  return new TextDecoder('windows-1252');
}
