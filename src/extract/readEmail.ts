import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { DocumentUnreadableError } from '../report/errors.js';
import { declareBodyCharsets } from './declareBodyCharsets.js';
import type { EmailEnvelope } from './extractedDocument.js';

export interface EmailAttachment {
  filename: string | null;
  bytes: Uint8Array;
}

/** The message's own bodies, as sent: its HTML and its plain text, either of which may be missing. */
export interface EmailBody {
  html: string | null;
  text: string | null;
}

export interface EmailReadResult {
  envelope: EmailEnvelope;
  /** Copied recipients: shown with the envelope, not part of it (the envelope is what makes an official email). */
  cc: EmailEnvelope['to'];
  body: EmailBody;
  attachments: EmailAttachment[];
}

/**
 * mailparser does the MIME work (encodings, charsets, multipart/alternative); text parts in an
 * undeclared 8-bit charset get theirs declared first (declareBodyCharsets).
 * Attachments stay in memory: they are checked as documents of their own by the caller.
 */
export async function readEmail(bytes: Uint8Array): Promise<EmailReadResult> {
  let mail: ParsedMail;
  try {
    // The HTML body is read into blocks by src/extract/email: mailparser's own text rendering of it is not needed.
    mail = await simpleParser(await declareBodyCharsets(firstMessageOfMbox(Buffer.from(bytes))), {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipHtmlToText: true,
    });
  } catch {
    throw new DocumentUnreadableError('The email could not be read.');
  }
  return {
    envelope: {
      from: firstAddress(mail.from),
      to: addresses(mail.to),
      date: mail.date ? mail.date.toISOString() : null,
      subject: mail.subject ?? null,
    },
    cc: addresses(mail.cc),
    body: { html: typeof mail.html === 'string' && mail.html.trim() ? mail.html : null, text: mail.text?.trim() ? mail.text : null },
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || /pdf|word/.test(a.contentType))
      .map((a) => ({ filename: a.filename ?? null, bytes: new Uint8Array(a.content) })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): EmailEnvelope['to'] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value).map((v) => ({ name: v.name || null, address: v.address || null }));
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): EmailEnvelope['from'] {
  return addresses(field)[0] ?? null;
}

// An mbox separator line: "From <sender> <asctime date>", as mail spools and Gmail's Takeout write it.
const MBOX_SEPARATOR = /\n\r?\nFrom \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d/;

/**
 * The first message of an mbox file (the upload is one letter, and the next message would
 * otherwise be read as part of its body, base64 and all); any other email as it is. mailparser
 * itself skips the "From " line that opens the file.
 */
function firstMessageOfMbox(raw: Buffer): Buffer {
  if (!raw.subarray(0, 5).equals(Buffer.from('From '))) return raw;
  const next = MBOX_SEPARATOR.exec(raw.toString('latin1'));
  return next ? raw.subarray(0, next.index + 1) : raw;
}
