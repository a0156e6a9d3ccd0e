import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { buildMsg, type MsgMessage } from '../../../scripts/fixtures/render/msg.js';
import { buildEml, quotedPrintable } from '../../../scripts/fixtures/render/mime.js';
import type { Block, LetterPage, Table } from '../../../src/document/letterDocument.js';
import type { ExtractedDocument } from '../../../src/extract/extractedDocument.js';
import { extractDocument } from '../../../src/extract/extractDocument.js';
import { layoutOf } from '../../../src/fields/layout/layoutView.js';
import type { Letter } from '../../../src/fields/letter.js';
import { ingestDocument } from '../../../src/ingest/ingestDocument.js';
import { fixture } from '../../helper.js';
import { encapsulateHtml } from './outlookRtf.js';

// Everyone and everything here is invented.
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 10, maxTextChars: 100_000, maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };

async function read(bytes: Uint8Array): Promise<ExtractedDocument> {
  return extractDocument(ingestDocument(bytes, null, LIMITS), { limits: LIMITS, ocr: null });
}

const letterOf = (doc: ExtractedDocument): Letter => ({ pages: doc.pages, email: doc.email });
const pairs = (doc: ExtractedDocument) => layoutOf(letterOf(doc)).labelled().map((p) => [p.label.text, p.value.text, p.how]);
const envelope = (doc: ExtractedDocument) => layoutOf(letterOf(doc)).lines({ region: 'envelope' }).map((l) => l.text);
const textOf = (page: LetterPage, block: Block) => page.text.slice(block.span.start, block.span.end);
/** Each block as [kind, region, text]; a table as its rows of cell texts. */
const blocksOf = (page: LetterPage) =>
  page.blocks.map((b) =>
    b.kind === 'table' ? ['table', b.region, b.rows.map((r) => r.cells.map((c) => page.text.slice(c.span.start, c.span.end)))] : [b.kind, b.region, b.kind === 'picture' ? b.name : textOf(page, b)],
  );

const SENDER = { name: 'Dana Whitfield', address: 'dana.whitfield@brambleworks.example' };
const STUDENT = { name: 'Priya Raman', address: 'priya.raman@students.lakeview.example' };

function eml(parts: { text?: string; html?: string; cc?: string; attachments?: { filename: string; contentType: string; data: Buffer }[] }): Buffer {
  if (parts.text !== undefined) {
    return buildEml(
      {
        from: SENDER,
        to: [STUDENT],
        date: 'Tue, 01 Dec 2026 10:00:00 -0500',
        subject: 'Your internship offer',
        messageId: 'offer.20261201@brambleworks.example',
        text: parts.text,
        html: parts.html,
        attachments: parts.attachments,
        extraHeaders: parts.cc ? [['Cc', parts.cc]] : [],
      },
      'test',
    );
  }
  // An HTML-only message, as many web mailers and HR systems send.
  return Buffer.from(
    [
      `From: ${SENDER.name} <${SENDER.address}>`,
      `To: ${STUDENT.name} <${STUDENT.address}>`,
      'Date: Tue, 01 Dec 2026 10:00:00 -0500',
      'Subject: Your internship offer',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(parts.html ?? ''),
      '',
    ].join('\r\n'),
  );
}

function pdfOf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date('2026-12-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const text of pages) doc.addPage().fontSize(11).text(text, 72, 72);
    doc.end();
  });
}

const TERMS_HTML = `<!doctype html><html><head><style>th { text-align: left }</style></head><body style="font-family: Arial; font-size: 14px">
<p>Dear Priya,</p>
<p>We are pleased to offer you the position of <b>Data Analyst Intern</b> at Brambleworks Cooperative.</p>
<p>Your duties will include:</p>
<ul><li>Build dashboards for the operations team</li><li>Clean and join shipment data<ul><li>in SQL</li></ul></li><li>Present findings monthly</li></ul>
<table border="1"><thead><tr><th>Term</th><th>Start date</th><th>End date</th><th>Hours per week</th></tr></thead>
<tbody><tr><td>Summer 2027</td><td>June 1, 2027</td><td>August 20, 2027</td><td>40</td></tr></tbody></table>
<table><tr><td>Compensation</td><td>$28.00 per hour</td></tr><tr><td>Work location</td><td>41 Orchard Lane, Dayton, OH 45402</td></tr><tr><td>Supervisor</td><td>Miguel Santos, Analytics Lead</td></tr></table>
<p>Best regards,</p>
<p>Dana Whitfield<br>People Operations<br>Brambleworks Cooperative</p>
</body></html>`;

describe('email pages (.eml)', () => {
  it('reads an HTML terms table with a header row and a label/value table as tables the layout view pairs, and duties as list items', async () => {
    const doc = await read(eml({ text: 'Dear Priya,\n\nPlease see the HTML version of this message.', html: TERMS_HTML, cc: 'Miguel Santos <miguel.santos@brambleworks.example>' }));
    const [page] = doc.pages;
    expect(blocksOf(page)).toEqual([
      ['paragraph', 'envelope', expect.any(String)],
      ['paragraph', 'body', 'Dear Priya,'],
      ['paragraph', 'body', 'We are pleased to offer you the position of Data Analyst Intern at Brambleworks Cooperative.'],
      ['paragraph', 'body', 'Your duties will include:'],
      ['item', 'body', '• Build dashboards for the operations team'],
      ['item', 'body', '• Clean and join shipment data'],
      ['item', 'body', '• in SQL'],
      ['item', 'body', '• Present findings monthly'],
      ['table', 'body', [['Term', 'Start date', 'End date', 'Hours per week'], ['Summer 2027', 'June 1, 2027', 'August 20, 2027', '40']]],
      ['table', 'body', [['Compensation', '$28.00 per hour'], ['Work location', '41 Orchard Lane, Dayton, OH 45402'], ['Supervisor', 'Miguel Santos, Analytics Lead']]],
      ['paragraph', 'body', 'Best regards,'],
      ['paragraph', 'body', 'Dana Whitfield\nPeople Operations\nBrambleworks Cooperative'],
    ]);
    const items = page.blocks.filter((b) => b.kind === 'item');
    expect(items.map((b) => [b.marker, b.level])).toEqual([['•', 0], ['•', 0], ['•', 1], ['•', 0]]);
    const [grid, terms] = page.blocks.filter((b): b is Table => b.kind === 'table');
    expect([grid.how, grid.headerRows, terms.headerRows]).toEqual(['html', 1, 0]);
    expect(grid.rows[0].cells.every((c) => c.lines[0].bold)).toBe(true);
    expect(page.blocks.every((b) => b.box === null)).toBe(true);

    expect(envelope(doc)).toEqual([
      'From: Dana Whitfield <dana.whitfield@brambleworks.example>',
      'To: Priya Raman <priya.raman@students.lakeview.example>',
      'Cc: Miguel Santos <miguel.santos@brambleworks.example>',
      'Date: 2026-12-01',
      'Subject: Your internship offer',
    ]);
    expect(pairs(doc)).toEqual([
      ['From', 'Dana Whitfield <dana.whitfield@brambleworks.example>', 'colon'],
      ['To', 'Priya Raman <priya.raman@students.lakeview.example>', 'colon'],
      ['Cc', 'Miguel Santos <miguel.santos@brambleworks.example>', 'colon'],
      ['Date', '2026-12-01', 'colon'],
      ['Subject', 'Your internship offer', 'colon'],
      ['Term', 'Summer 2027', 'table-column'],
      ['Start date', 'June 1, 2027', 'table-column'],
      ['End date', 'August 20, 2027', 'table-column'],
      ['Hours per week', '40', 'table-column'],
      ['Compensation', '$28.00 per hour', 'table-row'],
      ['Work location', '41 Orchard Lane, Dayton, OH 45402', 'table-row'],
      ['Supervisor', 'Miguel Santos, Analytics Lead', 'table-row'],
    ]);
    // Nothing is flattened to "a | b".
    expect(page.text).not.toContain(' | ');
  });

  it('reads a layout-table email as its content in reading order, the logo above it as the letterhead picture', async () => {
    const html = `<html><body><table role="presentation" width="100%" cellpadding="0"><tr><td align="center">
      <table role="presentation" width="600"><tr><td><img src="cid:logo@brambleworks" alt="Brambleworks Cooperative" width="180" height="48"></td></tr>
      <tr><td style="padding:24px"><h2 style="font-size:22px">Your offer from Brambleworks</h2>
        <p>Dear Priya,</p><p>We are delighted to offer you a summer internship as a Data Analyst Intern in our Dayton office, reporting to Miguel Santos. Please review the details below and reply to accept.</p>
        <table cellpadding="4"><tr><td><b>Start date:</b></td><td>June 1, 2027</td></tr><tr><td><b>Hours:</b></td><td>40 per week</td></tr></table>
        <p>Warm regards,<br>Dana Whitfield</p></td></tr>
      <tr><td style="font-size:11px;color:#888">Brambleworks Cooperative · 41 Orchard Lane · Dayton, OH 45402<br><a href="https://brambleworks.example/unsubscribe">Unsubscribe</a></td></tr>
      </table><img src="https://t.brambleworks.example/o.gif" width="1" height="1"></td></tr></table></body></html>`;
    const doc = await read(eml({ html }));
    const [page] = doc.pages;
    expect(blocksOf(page).slice(1)).toEqual([
      ['picture', 'header', 'Brambleworks Cooperative'],
      ['paragraph', 'body', 'Your offer from Brambleworks'],
      ['paragraph', 'body', 'Dear Priya,'],
      ['paragraph', 'body', 'We are delighted to offer you a summer internship as a Data Analyst Intern in our Dayton office, reporting to Miguel Santos. Please review the details below and reply to accept.'],
      ['table', 'body', [['Start date:', 'June 1, 2027'], ['Hours:', '40 per week']]],
      ['paragraph', 'body', 'Warm regards,\nDana Whitfield'],
      ['paragraph', 'body', 'Brambleworks Cooperative · 41 Orchard Lane · Dayton, OH 45402\nUnsubscribe'],
    ]);
    const heading = page.blocks[2];
    expect(heading.kind === 'paragraph' && heading.lines[0]).toMatchObject({ bold: true, fontSize: 16.5 });
    const view = layoutOf(letterOf(doc));
    expect(view.pictures({ region: 'header' })).toMatchObject([{ page: 1, box: null, region: 'header', name: 'Brambleworks Cooperative' }]);
    expect(pairs(doc).slice(4)).toEqual([
      ['Start date:', 'June 1, 2027', 'table-row'],
      ['Hours:', '40 per week', 'table-row'],
    ]);
  });

  it("gives a forwarded message's headers a paragraph of their own, so the student is found in its To: line", async () => {
    // The student forwarded the offer to the school: the envelope's To: is the school's, the offer's is hers.
    const html = `<div dir="ltr">Please find my offer below for CPT.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Dana Whitfield</strong> <span dir="auto">&lt;<a href="mailto:dana.whitfield@brambleworks.example">dana.whitfield@brambleworks.example</a>&gt;</span><br>Date: Mon, Nov 30, 2026 at 9:12 AM<br>Subject: Your internship offer<br>To: Priya Raman &lt;<a href="mailto:priya.raman@students.lakeview.example">priya.raman@students.lakeview.example</a>&gt;<br></div><br><br><div dir="ltr"><div>Dear Candidate,</div><div><br></div><div>We are pleased to offer you the Data Analyst Intern position.</div><ul><li>Start date: June 1, 2027</li></ul></div></div></div>`;
    const bytes = Buffer.from(
      [
        `From: ${STUDENT.name} <${STUDENT.address}>`,
        'To: International Student Office <iso@lakeview.example>',
        'Date: Tue, 01 Dec 2026 10:00:00 -0500',
        'Subject: Fwd: Your internship offer',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
        '',
      ].join('\r\n'),
    );
    const doc = await read(bytes);
    expect(blocksOf(doc.pages[0]).slice(1)).toEqual([
      ['paragraph', 'body', 'Please find my offer below for CPT.'],
      ['paragraph', 'body', '---------- Forwarded message ---------'],
      [
        'paragraph',
        'body',
        'From: Dana Whitfield <dana.whitfield@brambleworks.example>\nDate: Mon, Nov 30, 2026 at 9:12 AM\nSubject: Your internship offer\nTo: Priya Raman <priya.raman@students.lakeview.example>',
      ],
      ['paragraph', 'body', 'Dear Candidate,'],
      ['paragraph', 'body', 'We are pleased to offer you the Data Analyst Intern position.'],
      ['item', 'body', '• Start date: June 1, 2027'],
    ]);
    expect(envelope(doc)[1]).toBe('To: International Student Office <iso@lakeview.example>');
    const forwarded = pairs(doc).filter(([, , how]) => how === 'colon').slice(4);
    expect(forwarded).toEqual([
      ['From', 'Dana Whitfield <dana.whitfield@brambleworks.example>', 'colon'],
      ['Date', 'Mon, Nov 30, 2026 at 9:12 AM', 'colon'],
      ['Subject', 'Your internship offer', 'colon'],
      ['To', 'Priya Raman <priya.raman@students.lakeview.example>', 'colon'],
      ['Start date', 'June 1, 2027', 'colon'],
    ]);
  });

  it('sets apart the headers of a message forwarded as plain text by Outlook', async () => {
    const text = [
      'Forwarding my offer for CPT approval.',
      '',
      '-----Original Message-----',
      'From: Dana Whitfield <dana.whitfield@brambleworks.example>',
      'Sent: Monday, November 30, 2026 9:12 AM',
      'To: Priya Raman <priya.raman@students.lakeview.example>',
      'Subject: Your internship offer',
      'Dear Candidate,',
      'We are pleased to offer you the Data Analyst Intern position.',
    ].join('\n');
    const doc = await read(eml({ text }));
    expect(blocksOf(doc.pages[0]).slice(1).map(([, , t]) => t)).toEqual([
      'Forwarding my offer for CPT approval.',
      '-----Original Message-----',
      'From: Dana Whitfield <dana.whitfield@brambleworks.example>\nSent: Monday, November 30, 2026 9:12 AM\nTo: Priya Raman <priya.raman@students.lakeview.example>\nSubject: Your internship offer',
      'Dear Candidate,\nWe are pleased to offer you the Data Analyst Intern position.',
    ]);
    expect(pairs(doc).slice(4, 8).map(([label, value]) => `${label}: ${value}`)).toEqual([
      'From: Dana Whitfield <dana.whitfield@brambleworks.example>',
      'Sent: Monday, November 30, 2026 9:12 AM',
      'To: Priya Raman <priya.raman@students.lakeview.example>',
      'Subject: Your internship offer',
    ]);
  });

  it('keeps an attached PDF offer as the pages after the message, each named after the file', async () => {
    const pdf = await pdfOf(['Brambleworks Cooperative\nOffer of internship: Priya Raman, Data Analyst Intern.', 'Start date: June 1, 2027. Hours: 40 per week.']);
    const doc = await read(eml({ text: 'Dear Priya,\n\nYour offer letter is attached.\n\nDana', attachments: [{ filename: 'Offer - Priya Raman.pdf', contentType: 'application/pdf', data: pdf }] }));
    expect(doc.pages.map((p) => [p.number, p.part])).toEqual([
      [1, { kind: 'body', fileName: null }],
      [2, { kind: 'attachment', fileName: 'Offer - Priya Raman.pdf' }],
      [3, { kind: 'attachment', fileName: 'Offer - Priya Raman.pdf' }],
    ]);
    expect(blocksOf(doc.pages[0]).map(([kind, region]) => `${kind}/${region}`)).toEqual(['paragraph/envelope', 'paragraph/body', 'paragraph/body', 'paragraph/body']);
    expect(doc.pages[2].text).toContain('Hours: 40 per week');
    const view = layoutOf(letterOf(doc));
    expect(view.lines({ page: 3 }).every((l) => l.region !== 'envelope')).toBe(true);
    expect(view.lines({ region: 'envelope' }).every((l) => l.page === 1)).toBe(true);
  });

  it('reads the HTML when the plain text has no structure to lose... unless the HTML has none either', async () => {
    const doc = await read(eml({ text: 'Dear Priya,\nWelcome to the team.', html: '<p>Dear Priya,</p><p>Welcome to the <i>team</i>.</p>' }));
    // The plain text keeps the sender's own line breaks: one paragraph of two lines.
    expect(blocksOf(doc.pages[0]).slice(1)).toEqual([['paragraph', 'body', 'Dear Priya,\nWelcome to the team.']]);
  });

  it('reads the plain text when the HTML is nested deeper than any email, and refuses an email with only such HTML as too complex', async () => {
    const deep = `${'<div>'.repeat(1500)}<table><tr><td>Start</td><td>June 1</td></tr></table>${'</div>'.repeat(1500)}`;
    const doc = await read(eml({ text: 'Dear Priya,\nStart: June 1', html: deep }));
    expect(doc.pages[0].blocks.slice(1).map((b) => b.kind)).toEqual(['paragraph']);
    await expect(read(eml({ html: deep }))).rejects.toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
  });
});

describe('email pages (.msg)', () => {
  const base: MsgMessage = {
    subject: 'Your internship offer',
    body: undefined,
    from: SENDER,
    to: STUDENT,
    cc: [{ name: 'Miguel Santos', address: 'miguel.santos@brambleworks.example' }],
    date: new Date('2026-12-01T15:00:00Z'),
    transportHeaders: '',
  };
  const expectedTerms = [
    ['Compensation', '$28.00 per hour', 'table-row'],
    ['Work location', '41 Orchard Lane, Dayton, OH 45402', 'table-row'],
    ['Supervisor', 'Miguel Santos, Analytics Lead', 'table-row'],
  ];

  it('reads the HTML body of a .msg (PR_HTML) into tables and items, with Cc in the envelope', async () => {
    const doc = await read(buildMsg({ ...base, body: 'Dear Priya,\r\nPlease see the HTML version.', html: { text: TERMS_HTML, as: 'PR_HTML' } }));
    expect(doc.mediaType).toBe('application/vnd.ms-outlook');
    expect(doc.pages[0].blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'item', 'item', 'item', 'item', 'table', 'table', 'paragraph', 'paragraph']);
    expect(envelope(doc)).toEqual([
      'From: Dana Whitfield <dana.whitfield@brambleworks.example>',
      'To: Priya Raman <priya.raman@students.lakeview.example>',
      'Cc: Miguel Santos <miguel.santos@brambleworks.example>',
      'Date: 2026-12-01',
      'Subject: Your internship offer',
    ]);
    expect(pairs(doc).slice(-3)).toEqual(expectedTerms);
  });

  it('reads the same from PR_BODY_HTML', async () => {
    const doc = await read(buildMsg({ ...base, body: 'plain', html: { text: TERMS_HTML, as: 'PR_BODY_HTML' } }));
    expect(pairs(doc).slice(-3)).toEqual(expectedTerms);
  });

  it('reads an RTF-only .msg: the HTML Outlook wrapped in its compressed RTF body', async () => {
    const doc = await read(buildMsg({ ...base, rtf: { text: encapsulateHtml(TERMS_HTML.replace('<!doctype html>', '')), form: 'LZFu' } }));
    const [page] = doc.pages;
    const tables = page.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables.map((t) => [t.how, t.headerRows, t.rows.length])).toEqual([
      ['html', 1, 2],
      ['html', 0, 3],
    ]);
    expect(pairs(doc).slice(-3)).toEqual(expectedTerms);
    expect(page.text).toContain('• Build dashboards for the operations team');
  });

  it('reads an RTF-only .msg that wraps plain text, and keeps a .msg attachment as a named page', async () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0\\fmodern Courier New;}}\\f0\\fs20 Dear Priya,\\par\\par Start date: June 1, 2027\\par Hours: 40 per week\\par}";
    const pdf = await pdfOf(['Brambleworks Cooperative offer letter for Priya Raman, Data Analyst Intern.']);
    const doc = await read(buildMsg({ ...base, cc: [], rtf: { text: rtf, form: 'MELA' }, attachments: [{ fileName: 'offer.pdf', mimeType: 'application/pdf', data: pdf }] }));
    expect(blocksOf(doc.pages[0]).slice(1)).toEqual([
      ['paragraph', 'body', 'Dear Priya,'],
      ['paragraph', 'body', 'Start date: June 1, 2027\nHours: 40 per week'],
    ]);
    expect(envelope(doc).some((l) => l.startsWith('Cc:'))).toBe(false);
    expect(doc.pages[1].part).toEqual({ kind: 'attachment', fileName: 'offer.pdf' });
  });
});

describe('email fixtures', () => {
  const cases: [string, string][] = [
    ['text/eml-plain-01.eml', 'text'],
    ['text/eml-html-02.eml', 'html'],
    ['text/eml-attachment-03.eml', 'text'],
    ['text/eml-freemail-04.eml', 'text'],
    ['text/eml-plain-05.eml', 'text'],
    ['text/eml-html-06.eml', 'html'],
    ['text/msg-01.msg', 'text'],
    ['text/msg-02.msg', 'text'],
  ];

  it.each(cases)('%s: the envelope is its own region of short "Label: value" lines, over the body', async (file) => {
    const doc = await read(fixture(file));
    const [page] = doc.pages;
    expect(page.blocks[0]).toMatchObject({ kind: 'paragraph', region: 'envelope' });
    expect(page.blocks.slice(1).every((b) => b.region === 'body')).toBe(true);
    const lines = envelope(doc);
    expect(lines.map((l) => l.split(':')[0])).toEqual(['From', 'To', 'Date', 'Subject']);
    expect(lines[0]).toBe(`From: ${doc.email?.from?.name} <${doc.email?.from?.address}>`);
    expect(pairs(doc).slice(0, 4).map(([label, , how]) => [label, how])).toEqual([
      ['From', 'colon'],
      ['To', 'colon'],
      ['Date', 'colon'],
      ['Subject', 'colon'],
    ]);
    expect(layoutOf(letterOf(doc)).lines({ region: ['body', 'closing'] }).length).toBeGreaterThan(3);
  });

  it('eml-html-02: the duties and the terms are list items, the terms paired by their colons', async () => {
    const doc = await read(fixture('text/eml-html-02.eml'));
    const items = doc.pages[0].blocks.filter((b) => b.kind === 'item');
    expect(items).toHaveLength(13);
    expect(pairs(doc).slice(4).map(([label]) => label)).toEqual(['Position', 'Position type', 'Department', 'Start date', 'End date', 'Hours', 'Work location', 'Compensation']);
  });

  it('eml-html-06: the terms table is an html table of label/value rows', async () => {
    const doc = await read(fixture('text/eml-html-06.eml'));
    const table = doc.pages[0].blocks.find((b): b is Table => b.kind === 'table');
    expect(table).toMatchObject({ how: 'html', headerRows: 0 });
    expect(table?.rows).toHaveLength(9);
    expect(table?.rows.every((r) => r.cells.length === 2 && r.cells[0].lines[0].bold === true)).toBe(true);
    expect(pairs(doc).filter(([, , how]) => how === 'table-row').map(([label]) => label)).toEqual([
      'Position',
      'Position type',
      'Department',
      'Start date',
      'End date',
      'Hours',
      'Work location',
      'Compensation',
      'Supervisor',
    ]);
  });

  it('eml-attachment-03: the attached offer follows as pages named after the file', async () => {
    const doc = await read(fixture('text/eml-attachment-03.eml'));
    expect(doc.pages.slice(1).map((p) => p.part)).toEqual(doc.pages.slice(1).map(() => ({ kind: 'attachment', fileName: 'Offer Letter - Hana Kobayashi.pdf' })));
    expect(doc.pages.length).toBeGreaterThan(1);
  });
});
