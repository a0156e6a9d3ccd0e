import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../../../src/extract/email/bodyBlocks.js';
import { separateHeaderGroups, separateHeaderGroupsInText } from '../../../src/extract/email/forwardedHeaders.js';

const paragraph = (...lines: string[]): BodyBlock => ({ kind: 'paragraph', lines: lines.map((text) => ({ text })) });
const texts = (blocks: BodyBlock[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.lines.map((l) => l.text) : b.kind));

describe('separateHeaderGroups', () => {
  it("gives a forwarded message's header lines and its introducing line paragraphs of their own", () => {
    const blocks = [
      paragraph(
        'Hi Priya, see the offer below.',
        '---------- Forwarded message ---------',
        'From: Dana Lee <dana@acme.example>',
        'Date: Mon, Jun 1, 2026 at 10:00 AM',
        'Subject: Your offer',
        'To: Priya Raman <priya@uni.example>',
        'Dear Priya,',
      ),
    ];
    expect(texts(separateHeaderGroups(blocks))).toEqual([
      ['Hi Priya, see the offer below.'],
      ['---------- Forwarded message ---------'],
      ['From: Dana Lee <dana@acme.example>', 'Date: Mon, Jun 1, 2026 at 10:00 AM', 'Subject: Your offer', 'To: Priya Raman <priya@uni.example>'],
      ['Dear Priya,'],
    ]);
  });

  it('leaves a lone "Date:" or "Subject:" line of a letter where it is, and other blocks alone', () => {
    const blocks: BodyBlock[] = [paragraph('Date: June 1, 2027', 'Dear Priya,'), paragraph('Subject: Offer', 'Date: June 1, 2027'), { kind: 'picture', name: null }];
    expect(texts(separateHeaderGroups(blocks))).toEqual([['Date: June 1, 2027', 'Dear Priya,'], ['Subject: Offer', 'Date: June 1, 2027'], 'picture']);
  });

  it('writes a table of headers (an embedded message as mailparser renders it) as header lines', () => {
    const cell = (text: string) => ({ lines: [{ text }] });
    const table: BodyBlock = {
      kind: 'table',
      headerRows: 0,
      rows: [
        [cell('From:'), cell('Dana Lee <dana@acme.example>')],
        [cell('To:'), cell('Priya Raman <priya@uni.example>')],
        [cell('Subject:'), cell('Offer')],
      ],
    };
    expect(texts(separateHeaderGroups([table]))).toEqual([['From: Dana Lee <dana@acme.example>', 'To: Priya Raman <priya@uni.example>', 'Subject: Offer']]);
  });
});

describe('separateHeaderGroupsInText', () => {
  it('sets header groups apart by blank lines, takes quote marks off and joins a folded header', () => {
    const text = [
      'FYI',
      '-----Original Message-----',
      'From: Dana Lee <dana@acme.example>',
      'Sent: Monday, June 1, 2026 10:00 AM',
      'To: Priya Raman <priya@uni.example>,',
      '    Sam Roe <sam@uni.example>',
      'Subject: Offer',
      'Dear Priya,',
      'On Mon, Jun 1, 2026 at 10:00 AM Dana Lee <dana@acme.example> wrote:',
      '> Welcome aboard.',
      '>> From: HR <hr@acme.example>',
      '>> To: Priya Raman <priya@uni.example>',
    ].join('\n');
    const paragraphs = separateHeaderGroupsInText(text)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paragraphs).toEqual([
      'FYI',
      '-----Original Message-----',
      'From: Dana Lee <dana@acme.example>\nSent: Monday, June 1, 2026 10:00 AM\nTo: Priya Raman <priya@uni.example>, Sam Roe <sam@uni.example>\nSubject: Offer',
      'Dear Priya,',
      'On Mon, Jun 1, 2026 at 10:00 AM Dana Lee <dana@acme.example> wrote:',
      'Welcome aboard.',
      'From: HR <hr@acme.example>\nTo: Priya Raman <priya@uni.example>',
    ]);
  });
});
