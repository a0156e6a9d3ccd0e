import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { DocumentUnreadableError } from '../report/errors.js';
import type { EmailEnvelope } from './extractedDocument.js';
import { htmlToText } from './readDocx.js';

export interface EmailAttachment {
  filename: string | null;
  bytes: Uint8Array;
}

export interface EmailReadResult {
  envelope: EmailEnvelope;
  body: string;
  attachments: EmailAttachment[];
}

/**
 * mailparser does the MIME work (encodings, charsets, multipart/alternative).
 * Attachments stay in memory: they are checked as documents of their own by the caller.
 */
export async function readEmail(bytes: Uint8Array): Promise<EmailReadResult> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch {
    throw new DocumentUnreadableError('The email could not be read.');
  }
  const body = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  return {
    envelope: {
      from: firstAddress(mail.from),
      to: addresses(mail.to),
      date: mail.date ? mail.date.toISOString() : null,
      subject: mail.subject ?? null,
    },
    body,
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
