import PDFDocument from 'pdfkit';
import { describeValue, formatIsoDate } from '../cli/describeElement.js';
import { ELEMENT_NAMES, ELEMENT_RECORD_LABELS, type ElementName, type ElementStatus, type Evidence, type Report, type Severity } from '../report/index.js';
import { recordFonts } from './recordFonts.js';

/**
 * The report as a record for the student's file: a one- or two-page PDF an advisor can file with
 * the CPT request. It shows the verdict, the profile, each element with its value and the quote and
 * page it rests on, the findings, the day of the check and the SHA-256 of each document read, so
 * that the record names the exact files it judged. It holds no text of the letter beyond the
 * quoted evidence (and the values read from it); never the letter itself.
 *
 * pdfkit lays it out (text wrapping, embedded fonts, several pages): a well-kept library already
 * used here for the test letters. The record is kept to two pages by showing fewer and shorter
 * quotes where a case has many: it is laid out at the most detailed level that fits.
 */

const VERDICT_WORDS: Record<Report['verdict'], string> = { complete: 'COMPLETE', incomplete: 'INCOMPLETE', needs_review: 'NEEDS REVIEW' };
const STATUS_WORDS: Record<ElementStatus, string> = { present: 'Present', missing: 'Missing', invalid: 'Not acceptable', uncertain: 'Uncertain' };
const SEVERITY_WORDS: Record<Severity, string> = { error: 'Problem', warning: 'Warning', info: 'Note' };


/** How much of the evidence a layout shows: the first level that fits on two pages is used. */
interface Detail {
  quotesPerElement: number;
  quoteChars: number;
  valueChars: number;
  messageChars: number;
}

const DETAILS: Detail[] = [
  { quotesPerElement: 3, quoteChars: 300, valueChars: 400, messageChars: 400 },
  { quotesPerElement: 2, quoteChars: 160, valueChars: 240, messageChars: 300 },
  { quotesPerElement: 1, quoteChars: 110, valueChars: 160, messageChars: 200 },
  { quotesPerElement: 1, quoteChars: 60, valueChars: 90, messageChars: 120 },
];

export const MAX_RECORD_PAGES = 2;

export interface RecordOptions {
  /** The profile's name as GET /v1/profiles gives it, shown beside its id. */
  profileName?: string | null;
}

/** The record for a report: a PDF of at most two pages (or, for a report too long for that at the tersest level, the fewest pages it takes). */
export async function renderRecordPdf(report: Report, options: RecordOptions = {}): Promise<Buffer> {
  let last: { pdf: Buffer; pages: number } | null = null;
  for (const detail of DETAILS) {
    last = await layOut(report, options, detail);
    if (last.pages <= MAX_RECORD_PAGES) return last.pdf;
  }
  return last!.pdf;
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

/** Where a quote is: its page, and in a case its document's number in the list above and its name. */
function placeOf(report: Report, evidence: Evidence): string {
  if (report.documents.length === 1) return `page ${evidence.page}`;
  const name = evidence.document.fileName ? `, ${clip(evidence.document.fileName, 40)}` : '';
  return `document ${evidence.document.index + 1}${name}, page ${evidence.page}`;
}

function layOut(report: Report, options: RecordOptions, detail: Detail): Promise<{ pdf: Buffer; pages: number }> {
  const fonts = recordFonts();
  const checked = new Date(`${report.checkedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 48, bottom: 54, left: 54, right: 54 },
    bufferPages: true,
    info: {
      Title: 'offercheck record of an offer letter check',
      Author: 'offercheck',
      Subject: `Verdict ${report.verdict}, profile ${report.profile}, checked on ${report.checkedOn}`,
      Creator: 'offercheck',
      Producer: 'offercheck (pdfkit)',
      CreationDate: checked,
      ModDate: checked,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 150;
  const gap = 10;
  const contentX = left + labelWidth + gap;
  const contentWidth = width - labelWidth - gap;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heading = (text: string) => {
    if (doc.y + 40 > bottom()) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(11.5).fillColor('#000000').text(text, left, doc.y, { width });
    doc.moveDown(0.2);
  };

  // Title and verdict.
  doc.font('bold').fontSize(15).text('Record of an offer letter check', left, doc.y, { width });
  doc.font('body').fontSize(9).fillColor('#333333').text('Made by offercheck, a pre-check of internship and co-op offer letters against a CPT checklist. The international office makes the decision.', { width });
  doc.moveDown(0.5).fillColor('#000000');
  doc.font('bold').fontSize(13).text(`Verdict: ${VERDICT_WORDS[report.verdict]}`, { width });
  const profile = options.profileName ? `${options.profileName} (${report.profile})` : report.profile;
  doc.font('body').fontSize(10).text(`Profile: ${profile}    Checked on: ${formatIsoDate(report.checkedOn)} (${report.checkedOn})`, { width });

  // The documents read, each with the digest that identifies the exact file.
  heading(report.documents.length === 1 ? 'Document read' : `Documents read (${report.documents.length})`);
  for (const d of report.documents) {
    const source = d.textSource === 'ocr' ? 'read by OCR' : d.textSource === 'mixed' ? 'partly read by OCR' : 'text';
    const role = report.documents.length > 1 ? (d.role === 'letter' ? ', the letter' : ', sent after the letter') : '';
    doc.font('bold').fontSize(9.5).text(`${d.index + 1}. ${clip(d.fileName ?? '(no file name)', 80)}`, left, doc.y, { width, continued: true });
    doc.font('body').text(`  ${d.mediaType}, ${d.pages} page${d.pages === 1 ? '' : 's'}, ${d.bytes} bytes, ${source}${role}`, { width });
    doc.font('body').fontSize(8.5).fillColor('#333333').text(`SHA-256 ${d.sha256}`, left + 12, doc.y, { width: width - 12 });
    doc.fillColor('#000000');
  }

  // The checklist: required elements, then the others.
  const required = ELEMENT_NAMES.filter((n) => report.elements[n].required);
  const optional = ELEMENT_NAMES.filter((n) => !report.elements[n].required);
  const row = (name: ElementName) => {
    const element = report.elements[name];
    const value = describeValue(name, element.value as never);
    const lines: { text: string; font: 'body' | 'bold'; size: number; color: string }[] = [];
    lines.push({ text: `${STATUS_WORDS[element.status]}${value ? `: ${clip(value, detail.valueChars)}` : ''}`, font: 'body', size: 9.5, color: '#000000' });
    for (const evidence of element.evidence.filter((e) => e.quote.trim()).slice(0, detail.quotesPerElement)) {
      lines.push({ text: `“${clip(evidence.quote, detail.quoteChars)}” (${placeOf(report, evidence)})`, font: 'body', size: 8.5, color: '#333333' });
    }
    const pictures = element.evidence.filter((e) => !e.quote.trim());
    if (pictures.length && lines.length === 1) lines.push({ text: `A picture on ${placeOf(report, pictures[0])}`, font: 'body', size: 8.5, color: '#333333' });
    if (element.required && element.status !== 'present' && element.fix) lines.push({ text: `To ask for: ${clip(element.fix, detail.messageChars)}`, font: 'body', size: 8.5, color: '#333333' });
    const height = lines.reduce((h, l) => h + doc.font(l.font).fontSize(l.size).heightOfString(l.text, { width: contentWidth }) + 1, 0);
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    doc.font('bold').fontSize(9.5).fillColor('#000000').text(ELEMENT_RECORD_LABELS[name], left, top, { width: labelWidth });
    const labelBottom = doc.y;
    doc.y = top;
    for (const l of lines) doc.font(l.font).fontSize(l.size).fillColor(l.color).text(l.text, contentX, doc.y, { width: contentWidth }).moveDown(0.1);
    doc.y = Math.max(doc.y, labelBottom) + 3;
    doc.fillColor('#000000');
  };
  heading('Checklist: required by the profile');
  for (const name of required) row(name);
  if (optional.length) {
    heading('Also read (not required by this profile)');
    // What the profile does not ask for and the documents do not state takes one line.
    const shown = optional.filter((n) => report.elements[n].status !== 'missing');
    for (const name of shown) row(name);
    const notStated = optional.filter((n) => !shown.includes(n));
    if (notStated.length) {
      doc.font('body').fontSize(9).text(`Not stated: ${notStated.map((n) => ELEMENT_RECORD_LABELS[n]).join(', ')}.`, left, doc.y, { width });
    }
  }

  // The findings, each with its code, so the record can be matched with the API's answer.
  heading(report.findings.length ? `Findings (${report.findings.length})` : 'Findings: none');
  for (const f of report.findings) {
    const text = `${SEVERITY_WORDS[f.severity]} ${f.code}${f.element ? ` (${ELEMENT_RECORD_LABELS[f.element]})` : ''}: ${clip(f.message, detail.messageChars)}`;
    if (doc.y + doc.font('body').fontSize(9).heightOfString(text, { width }) > bottom()) doc.addPage();
    doc.font('body').fontSize(9).text(text, left, doc.y, { width }).moveDown(0.15);
  }

  // A footer on every page: what the record is and where it stands.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    // Written inside the bottom margin: pdfkit would otherwise start a new page for it.
    const keep = margins.bottom;
    margins.bottom = 0;
    doc.font('body').fontSize(7.5).fillColor('#555555').text(
      `offercheck record · ${report.verdict} · profile ${report.profile} · checked on ${report.checkedOn} · page ${i + 1} of ${range.count}`,
      margins.left,
      doc.page.height - 36,
      { width, align: 'center', lineBreak: false },
    );
    margins.bottom = keep;
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages: range.count }));
}
