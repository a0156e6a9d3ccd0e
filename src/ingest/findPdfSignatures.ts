/**
 * The digital signatures a PDF carries: signature dictionaries (ISO 32000-1, 12.8.1) with the
 * /ByteRange of the bytes they sign and the /Contents that holds the signer's certificate and the
 * signature (PKCS #7 / CAdES). Made by a signing service or a certificate the signer holds, they
 * are what some offices mean by "an electronic signature through an identity-verifying service".
 *
 * Read from the raw bytes, like the rest of ingest: a signature dictionary cannot sit in a
 * compressed object stream (its /ByteRange counts bytes of the file as written), so it is always
 * there to be found. The signature is found, not verified: nothing here checks the certificate's
 * chain or that the signed bytes are unchanged. An empty signature field (a place to sign) has no
 * /ByteRange; a placeholder whose /Contents is all zeros was never signed; a document time stamp
 * (/Type /DocTimeStamp) names no signer: none of them counts.
 */
export interface PdfSignature {
  /** The signature's format, e.g. adbe.pkcs7.detached or ETSI.CAdES.detached; null when not given. */
  subFilter: string | null;
  /** The signer's name as the dictionary gives it (/Name); often absent (it is in the certificate). */
  signer: string | null;
}

// How far around a /ByteRange its dictionary is looked for: /Contents of a signature with its
// certificate chain and time stamp is a few tens of KB of hex; more is no letter's signature.
const WINDOW = 256 * 1024;
const MAX_SIGNATURES = 20;

const BYTE_RANGE = /\/ByteRange\s*\[\s*\d+\s+\d+\s+\d+\s+\d+\s*\]/;
const SIGNATURE_TYPE = /\/Type\s*\/Sig\b|\/Filter\s*\/(?:Adobe\.PPK\w*|Entrust\.PPKEF|CICI\.SignIt|VeriSign\.PPKVS)\b|\/SubFilter\s*\/(?:adbe\.pkcs7\.(?:detached|sha1)|adbe\.x509\.rsa_sha1|ETSI\.CAdES\.detached)\b/;
const TIME_STAMP = /\/Type\s*\/DocTimeStamp\b|\/SubFilter\s*\/ETSI\.RFC3161\b/;
const CONTENTS = /\/Contents\s*<([0-9A-Fa-f\s]*)>/;

export function findPdfSignatures(bytes: Uint8Array): PdfSignature[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signatures: PdfSignature[] = [];
  for (let at = buffer.indexOf('/ByteRange'); at >= 0 && signatures.length < MAX_SIGNATURES; at = buffer.indexOf('/ByteRange', at + 10)) {
    const objectStart = buffer.lastIndexOf(' obj', at);
    const start = objectStart >= 0 && at - objectStart <= WINDOW ? objectStart : Math.max(0, at - WINDOW);
    const objectEnd = buffer.indexOf('endobj', at);
    const end = objectEnd >= 0 && objectEnd - at <= WINDOW ? objectEnd : Math.min(buffer.length, at + WINDOW);
    const dictionary = buffer.toString('latin1', start, end);
    if (!BYTE_RANGE.test(dictionary) || !SIGNATURE_TYPE.test(dictionary) || TIME_STAMP.test(dictionary)) continue;
    const contents = CONTENTS.exec(dictionary)?.[1].replace(/\s+/g, '') ?? '';
    if (!/[1-9A-Fa-f]/.test(contents)) continue;
    signatures.push({
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionary)?.[1] ?? null,
      signer: signerName(dictionary),
    });
  }
  return signatures;
}

/** The /Name of the dictionary, a PDF string: literal (PDFDocEncoding or UTF-16BE with its mark) or hex. */
function signerName(dictionary: string): string | null {
  const literal = /\/Name\s*\(((?:\\.|[^\\)]){1,200})\)/.exec(dictionary)?.[1];
  const hex = /\/Name\s*<([0-9A-Fa-f\s]{2,800})>/.exec(dictionary)?.[1];
  let raw: Buffer | null = null;
  if (literal !== undefined) raw = Buffer.from(literal.replace(/\\([()\\])/g, '$1'), 'latin1');
  else if (hex !== undefined) raw = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  if (!raw) return null;
  const utf16 = raw[0] === 0xfe && raw[1] === 0xff;
  const text = utf16 ? Buffer.from(raw.subarray(2, 2 + ((raw.length - 2) & ~1))).swap16().toString('utf16le') : raw.toString('latin1');
  const clean = text.replace(/[\p{C}]/gu, '').trim();
  return clean.length > 0 ? clean : null;
}
