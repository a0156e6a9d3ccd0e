import { createRequire } from 'node:module';
import { DocumentUnreadableError } from '../report/errors.js';
import type { EmailReadResult } from './readEmail.js';
import { htmlToText } from './readDocx.js';

// A CommonJS package exporting its class as `exports.default`: required, its types are exact.
type MsgReaderCtor = (typeof import('@kenjiuno/msgreader/lib/MsgReader.js'))['default'];
type MsgReaderClass = InstanceType<MsgReaderCtor>;
const MsgReader: MsgReaderCtor = createRequire(import.meta.url)('@kenjiuno/msgreader').default;

/** Outlook .msg (an OLE2 compound file) read into the same shape as an .eml. */
export function readMsg(bytes: Uint8Array): EmailReadResult {
  let reader: MsgReaderClass;
  let data: ReturnType<MsgReaderClass['getFileData']>;
  try {
    const copy = new Uint8Array(bytes);
    reader = new MsgReader(copy.buffer);
    data = reader.getFileData();
  } catch {
    throw new DocumentUnreadableError('The Outlook message could not be read.');
  }
  if (data.error || data.dataType !== 'msg') throw new DocumentUnreadableError('The file is not an Outlook message.');
  const bodyHtml = (data as { bodyHtml?: string }).bodyHtml;
  const body = data.body?.trim() ? data.body : bodyHtml ? htmlToText(bodyHtml) : '';
  const attachments = (data.attachments ?? []).flatMap((attachment) => {
    try {
      const file = reader.getAttachment(attachment);
      return [{ filename: file.fileName ?? null, bytes: new Uint8Array(file.content) }];
    } catch {
      return [];
    }
  });
  return {
    envelope: {
      from: data.senderEmail || data.senderName ? { name: data.senderName ?? null, address: (data as { senderSmtpAddress?: string }).senderSmtpAddress ?? data.senderEmail ?? null } : null,
      to: (data.recipients ?? [])
        .filter((r) => (r.recipType ?? 'to') === 'to')
        .map((r) => ({ name: r.name ?? null, address: (r as { smtpAddress?: string }).smtpAddress ?? r.email ?? null })),
      date: isoDate(data.clientSubmitTime ?? data.messageDeliveryTime ?? null),
      subject: data.subject ?? null,
    },
    body,
    attachments,
  };
}

/** Outlook stores RFC 2822-style strings; the envelope carries ISO 8601 like an .eml's. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
