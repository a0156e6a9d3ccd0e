import { createRequire } from 'node:module';
import { readCompoundFile } from '../ingest/readCompoundFile.js';
import { DocumentUnreadableError } from '../report/errors.js';
import { decodeCodepage } from './email/decodeCodepage.js';
import { rtfBody } from './email/rtfBody.js';
import type { EmailBody, EmailReadResult } from './readEmail.js';

// A CommonJS package exporting its class as `exports.default`: required, its types are exact.
type MsgReaderCtor = (typeof import('@kenjiuno/msgreader/lib/MsgReader.js'))['default'];
type MsgReaderClass = InstanceType<MsgReaderCtor>;
type MsgFields = ReturnType<MsgReaderClass['getFileData']>;
const MsgReader: MsgReaderCtor = createRequire(import.meta.url)('@kenjiuno/msgreader').default;

/**
 * Outlook .msg (an OLE2 compound file) read into the same shape as an .eml. The compound file's
 * chains and directory tree are checked first (readCompoundFile, as for a .doc): msgreader follows
 * them unchecked, and a directory whose entries loop made it allocate until the heap ran out (a
 * 12 KB file took the whole process down before the readers ran in child processes; in a child it
 * still cost seconds and the child). Now such a file is refused before msgreader sees it.
 */
export function readMsg(bytes: Uint8Array): EmailReadResult {
  readCompoundFile(bytes);
  let reader: MsgReaderClass;
  let data: MsgFields;
  try {
    const copy = new Uint8Array(bytes);
    reader = new MsgReader(copy.buffer);
    data = reader.getFileData();
  } catch {
    throw new DocumentUnreadableError('The Outlook message could not be read.');
  }
  if (data.error || data.dataType !== 'msg') throw new DocumentUnreadableError('The file is not an Outlook message.');
  const attachments = (data.attachments ?? []).flatMap((attachment) => {
    try {
      const file = reader.getAttachment(attachment);
      return [{ filename: file.fileName ?? null, bytes: new Uint8Array(file.content) }];
    } catch {
      return [];
    }
  });
  const person = (r: NonNullable<MsgFields['recipients']>[number]) => ({ name: r.name ?? null, address: (r as { smtpAddress?: string }).smtpAddress ?? r.email ?? null });
  const recipients = data.recipients ?? [];
  return {
    envelope: {
      from: data.senderEmail || data.senderName ? { name: data.senderName ?? null, address: (data as { senderSmtpAddress?: string }).senderSmtpAddress ?? data.senderEmail ?? null } : null,
      to: recipients.filter((r) => (r.recipType ?? 'to') === 'to').map(person),
      date: isoDate(data.clientSubmitTime ?? data.messageDeliveryTime ?? null),
      subject: data.subject ?? null,
    },
    cc: recipients.filter((r) => r.recipType === 'cc').map(person),
    body: msgBody(data),
    attachments,
  };
}

/**
 * The message's bodies: the HTML one (PR_BODY_HTML, or PR_HTML in the message's code page, or the
 * HTML Outlook wrapped in the compressed RTF), and the plain one (PR_BODY, or the text wrapped in
 * the RTF). Many .msg files carry only the RTF and the plain text.
 */
function msgBody(data: MsgFields): EmailBody {
  let html = data.bodyHtml?.trim() ? data.bodyHtml : null;
  if (!html && data.html?.length) html = decodeCodepage(data.html, data.internetCodepage ?? 65001);
  let text = data.body?.trim() ? data.body : null;
  if (!html && data.compressedRtf?.length) {
    const rtf = rtfBody(data.compressedRtf);
    if (rtf?.kind === 'html') html = rtf.html;
    else if (rtf?.kind === 'text' && !text) text = rtf.text;
  }
  return { html: html?.trim() ? html : null, text };
}

/** Outlook stores RFC 2822-style strings; the envelope carries ISO 8601 like an .eml's. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
