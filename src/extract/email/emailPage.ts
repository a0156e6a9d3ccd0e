import type { EmailEnvelope, LetterPage } from '../../document/letterDocument.js';
import { DocumentTooComplexError } from '../../report/errors.js';
import { addTextBlocks } from '../layout/pageFromText.js';
import { PageBuilder } from '../layout/pageBuilder.js';
import type { EmailBody, EmailReadResult } from '../readEmail.js';
import { addBodyBlocks } from './bodyBlocks.js';
import { separateHeaderGroups, separateHeaderGroupsInText } from './forwardedHeaders.js';
import { htmlBodyBlocks } from './htmlBodyBlocks.js';
import { htmlNestsDeeperThan } from './htmlNesting.js';

/**
 * An email's message as a page: its envelope (From, To, Cc, Date, Subject: one "Label: value" line
 * each, in a region of their own) over its body, read from the HTML when that carries structure the
 * plain text loses (tables, lists, pictures), else from the plain text.
 */
export function emailPage(mail: Pick<EmailReadResult, 'envelope' | 'cc' | 'body'>, options: { number?: number; maxTextChars?: number } = {}): LetterPage {
  const builder = new PageBuilder({ number: options.number ?? 1, part: { kind: 'body', fileName: null } });
  builder.paragraph('envelope', envelopeLines(mail.envelope, mail.cc).map((text) => ({ text })));
  const body = chooseBody(mail.body);
  if (body?.kind === 'html') addBodyBlocks(builder, separateHeaderGroups(htmlBodyBlocks(body.html, { maxTextChars: options.maxTextChars })));
  else if (body?.kind === 'text') addTextBlocks(builder, separateHeaderGroupsInText(body.text), 'body');
  return builder.build();
}

// Structure a plain-text alternative cannot carry: a table, a list, a picture.
const STRUCTURED_HTML = /<(?:table|ul|ol|img)[\s>/]/i;

/**
 * The HTML body when it has structure or there is no plain text; else the plain text, which
 * keeps the sender's own line breaks. HTML nested deeper than any real email is not parsed: the
 * plain text is read instead, and without one the email is too complex to read.
 */
export function chooseBody(body: EmailBody): { kind: 'html'; html: string } | { kind: 'text'; text: string } | null {
  const text = body.text?.trim() ? body.text : null;
  if (body.html && (!text || STRUCTURED_HTML.test(body.html))) {
    if (!htmlNestsDeeperThan(body.html)) return { kind: 'html', html: body.html };
    if (!text) throw new DocumentTooComplexError('The email body is HTML nested deeper than any email. Send the letter as a PDF.');
  }
  return text ? { kind: 'text', text } : null;
}

/** The headers as a reader sees them at the top of a printed email, so evidence can quote them. */
function envelopeLines(envelope: EmailEnvelope, cc: EmailEnvelope['to']): string[] {
  const person = (p: { name: string | null; address: string | null }) => (p.name && p.address ? `${p.name} <${p.address}>` : (p.name ?? p.address ?? ''));
  const lines = [
    envelope.from ? `From: ${person(envelope.from)}` : null,
    envelope.to.length ? `To: ${envelope.to.map(person).join(', ')}` : null,
    cc.length ? `Cc: ${cc.map(person).join(', ')}` : null,
    envelope.date ? `Date: ${envelope.date.slice(0, 10)}` : null,
    envelope.subject ? `Subject: ${envelope.subject}` : null,
  ];
  return lines.filter((l): l is string => l !== null);
}
