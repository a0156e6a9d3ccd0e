import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../../../src/extract/email/bodyBlocks.js';
import { htmlBodyBlocks } from '../../../src/extract/email/htmlBodyBlocks.js';

/** Each block as [kind, texts]: a paragraph's or item's lines, a table's rows of cell texts, a picture's name. */
function shape(blocks: BodyBlock[]): unknown[] {
  return blocks.map((b) => {
    if (b.kind === 'paragraph') return ['p', b.lines.map((l) => l.text)];
    if (b.kind === 'item') return ['li', b.marker, b.level, b.lines.map((l) => l.text)];
    if (b.kind === 'table') return ['table', b.headerRows, b.rows.map((r) => r.map((c) => c.lines.map((l) => l.text).join(' / ')))];
    return ['img', b.name];
  });
}

const read = (html: string) => shape(htmlBodyBlocks(html));

describe('htmlBodyBlocks', () => {
  it('starts a line at <br> and at a block without margins, a paragraph at a margin or an empty line', () => {
    const html = `<div dir="ltr"><div>Dear Priya,</div><div><br></div><div>We are pleased to offer you<br>the internship.</div>
      <p style="margin:0">Acme Labs</p><p style="margin:0">12 Main St</p><p>Best regards,</p>
      <p class=MsoNormal>Dana Lee<o:p></o:p></p><p class=MsoNormal>HR Director<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>P.S. Welcome!</p></div>`;
    expect(read(html)).toEqual([
      ['p', ['Dear Priya,']],
      ['p', ['We are pleased to offer you', 'the internship.', 'Acme Labs', '12 Main St']],
      ['p', ['Best regards,']],
      ['p', ['Dana Lee', 'HR Director']],
      ['p', ['P.S. Welcome!']],
    ]);
  });

  it('collapses white space as a browser does, decodes entities and drops zero-width characters', () => {
    expect(read('<p>  Pay:\n\t<b>$25.00</b>&nbsp;per&#160;hour &amp; <i>overtime</i>\u200b&zwnj;</p>')).toEqual([['p', ['Pay: $25.00 per hour & overtime']]]);
  });

  it('skips what a reader never sees', () => {
    const html = `<html><head><title>Offer</title><style>p { color: red }</style></head><body>
      <div style="display:none;max-height:0;overflow:hidden">Preview text</div>
      <span style="display: none !important">hidden span</span><p hidden>hidden p</p><p style="visibility:hidden">invisible</p>
      <p style="mso-hide:all">Outlook only</p><script>alert(1)</script><!-- a comment --><p>Visible</p></body></html>`;
    expect(read(html)).toEqual([['p', ['Visible']]]);
  });

  it('reads lists as items with their marker and nesting level', () => {
    const html = `<p>Your duties:</p><ul><li>Build dashboards<ul><li>in Tableau</li><li>in Excel</li></ul></li><li><p>Write tests</p><p>and docs</p></li></ul>
      <ol start="3"><li>Third</li><li value="7">Seventh</li></ol><ol type="a"><li>alpha</li><li>beta</li></ol><ul style="list-style-type:none"><li>no bullet</li></ul>`;
    expect(read(html)).toEqual([
      ['p', ['Your duties:']],
      ['li', '•', 0, ['Build dashboards']],
      ['li', '•', 1, ['in Tableau']],
      ['li', '•', 1, ['in Excel']],
      ['li', '•', 0, ['Write tests', 'and docs']],
      ['li', '3.', 0, ['Third']],
      ['li', '7.', 0, ['Seventh']],
      ['li', 'a.', 0, ['alpha']],
      ['li', 'b.', 0, ['beta']],
      ['li', '', 0, ['no bullet']],
    ]);
  });

  it('takes a bullet typed as text for a list item (Outlook list paragraphs), but not a rule of dashes or a copyright line', () => {
    const bullet = (text: string) =>
      `<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`;
    const html = `<p class=MsoNormal>You will:</p>${bullet('Track carrier costs')}${bullet('Map fulfillment')}<p>---------- Forwarded message ---------</p><p>© 2026 Acme Labs</p>`;
    expect(read(html)).toEqual([
      ['p', ['You will:']],
      ['li', '·', 0, ['Track carrier costs']],
      ['li', '·', 0, ['Map fulfillment']],
      ['p', ['---------- Forwarded message ---------']],
      ['p', ['© 2026 Acme Labs']],
    ]);
  });

  it('keeps a data table as a table: header rows from <thead>, a row of <th> or a bold first row, merged cells in their columns', () => {
    const html = `<table><thead><tr><th>Term</th><th colspan="2">Dates</th></tr></thead>
      <tbody><tr><td rowspan="2">Summer</td><td>June 1, 2027</td><td>Aug 20, 2027</td></tr><tr><td>June 8, 2027</td><td>Aug 27, 2027</td></tr></tbody></table>
      <table><tr><th>Start</th><th>Hours</th></tr><tr><td>June 1</td><td>40</td></tr></table>
      <table><tr><td><b>Start</b></td><td><strong>Hours</strong></td></tr><tr><td>June 1</td><td>40</td></tr></table>
      <table><tr><td><b>Start</b></td><td>June 1</td></tr><tr><td><b>Hours</b></td><td>40</td></tr></table>`;
    const blocks = htmlBodyBlocks(html);
    expect(shape(blocks)).toEqual([
      ['table', 1, [['Term', 'Dates'], ['Summer', 'June 1, 2027', 'Aug 20, 2027'], ['June 8, 2027', 'Aug 27, 2027']]],
      ['table', 1, [['Start', 'Hours'], ['June 1', '40']]],
      ['table', 1, [['Start', 'Hours'], ['June 1', '40']]],
      ['table', 0, [['Start', 'June 1'], ['Hours', '40']]],
    ]);
    const first = blocks[0] as Extract<BodyBlock, { kind: 'table' }>;
    expect(first.rows.map((r) => r.map((c) => [c.column, c.colSpan, c.rowSpan]))).toEqual([
      [[0, 1, 1], [1, 2, 1]],
      [[0, 1, 2], [1, 1, 1], [2, 1, 1]],
      [[1, 1, 1], [2, 1, 1]],
    ]);
    expect(first.rows[0][0].lines[0]).toMatchObject({ bold: true });
    expect(first.rows[1][1].lines[0]).toMatchObject({ bold: false });
  });

  it('reads a layout table as the blocks it holds, in reading order, and a data table nested in it as a table', () => {
    const html = `<table role="presentation" width="100%"><tr><td align="center">
      <table width="600"><tr><td><img src="https://cdn.example/img/acme-logo.png" width="120" height="40"></td><td>Acme Labs<br>12 Main St, Denver, CO</td></tr>
      <tr><td colspan="2"><p>Dear Priya,</p><p>We are delighted to offer you the position of Data Analyst Intern at Acme Labs. The details of the offer are set out below for your review.</p>
      <table><tr><td>Start date</td><td>June 1, 2027</td></tr><tr><td>Pay</td><td>$25.00 per hour</td></tr></table></td></tr></table>
      </td></tr></table>`;
    expect(read(html)).toEqual([
      ['img', 'acme-logo.png'],
      ['p', ['Acme Labs', '12 Main St, Denver, CO']],
      ['p', ['Dear Priya,']],
      ['p', ['We are delighted to offer you the position of Data Analyst Intern at Acme Labs. The details of the offer are set out below for your review.']],
      ['table', 0, [['Start date', 'June 1, 2027'], ['Pay', '$25.00 per hour']]],
    ]);
  });

  it('reads a one-column table, or one with a single filled cell per row, as content', () => {
    expect(read('<table><tr><td>Dear Priya,</td></tr><tr><td>Welcome.</td></tr></table>')).toEqual([['p', ['Dear Priya,']], ['p', ['Welcome.']]]);
    expect(read('<table><tr><td width="20">&nbsp;</td><td>Dear Priya,</td></tr><tr><td></td><td>Welcome.</td></tr></table>')).toEqual([['p', ['Dear Priya,']], ['p', ['Welcome.']]]);
  });

  it('keeps a list inside a data table cell as lines of the cell', () => {
    expect(read('<table><tr><th>Duties</th><td><ul><li>Build dashboards</li><li>Write tests</li></ul></td></tr><tr><th>Hours</th><td>20</td></tr></table>')).toEqual([
      ['table', 0, [['Duties', '• Build dashboards / • Write tests'], ['Hours', '20']]],
    ]);
  });

  it('marks lines bold from b/strong/th/headings and inline styles, and sizes them from styles, <font> and heading levels', () => {
    const blocks = htmlBodyBlocks(`<body style="font-size:14px"><h1>Acme Labs</h1><p><b>Offer</b> <strong>letter</strong></p><p><b style="font-weight:normal">not bold</b></p>
      <p><span style="font-weight:700">bold</span></p><p style="font-size:2em">big</p><p><font size="5">font</font></p><h3>Terms</h3><p>plain</p></body>`);
    const look = blocks.map((b) => (b.kind === 'paragraph' ? [b.lines[0].text, b.lines[0].bold, b.lines[0].fontSize] : null));
    expect(look).toEqual([
      ['Acme Labs', true, 21],
      ['Offer letter', true, 10.5],
      ['not bold', false, 10.5],
      ['bold', true, 10.5],
      ['big', false, 21],
      ['font', false, 18],
      ['Terms', true, 12.3],
      ['plain', false, 10.5],
    ]);
    expect(htmlBodyBlocks('<p>no size said</p>')[0]).toMatchObject({ lines: [{ fontSize: null, bold: false }] });
  });

  it('names pictures by alt text, title or file name, and skips tracking pixels', () => {
    const html = `<img src="cid:image001.png@01DA1234.5678" alt="Acme Labs"><img src="cid:image002.png@01DA"><img src="data:image/png;base64,AAAA" title="Seal">
      <img src="https://t.example/open.gif" width="1" height="1"><img src="https://t.example/p.gif" style="width:1px;height:1px">`;
    expect(read(html)).toEqual([
      ['img', 'Acme Labs'],
      ['img', 'image002.png'],
      ['img', 'Seal'],
    ]);
  });

  it('keeps the lines of <pre> text', () => {
    expect(read('<pre>Start date:  June 1, 2027\nEnd date:    Aug 20, 2027\n\nHours: 40</pre>')).toEqual([
      ['p', ['Start date: June 1, 2027', 'End date: Aug 20, 2027']],
      ['p', ['Hours: 40']],
    ]);
  });

  it('stops as soon as the text passes the limit, not after reading every cell of a huge table', () => {
    const html = `<table>${'<tr><td>Label</td><td>Value 123</td></tr>'.repeat(50_000)}</table>`;
    expect(() => htmlBodyBlocks(html, { maxTextChars: 10_000 })).toThrow(expect.objectContaining({ code: 'TEXT_TOO_LONG' }));
    expect(htmlBodyBlocks('<table><tr><td>Label</td><td>Value</td></tr></table>', { maxTextChars: 100 })).toHaveLength(1);
  });

  it('reads nesting as deep as an email may have (see htmlNesting) without exhausting the stack', () => {
    const depth = 450;
    const html = `${'<div><table><tr><td>'.repeat(depth)}Deep text${'</td></tr></table></div>'.repeat(depth)}<p>After</p>`;
    const blocks = read(html);
    expect(blocks.at(-1)).toEqual(['p', ['After']]);
    expect(JSON.stringify(blocks)).toContain('Deep text');
  });
});
