import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/**
 * Invented letters for the student-facing tests (web form, CLI, curl), rendered as PDF and DOCX
 * in memory. The "gaps" letter leaves out the pay and the work address on purpose, so those two
 * are missing whatever the detectors learn; the "full" letter states every checklist element.
 */
export const STUDENT = 'Priya Raman';

const FULL_LINES = [
  'Larkspur Robotics Inc.',
  '1400 Harbor Way, Suite 210, Oakland, CA 94607',
  '',
  'March 2, 2027',
  '',
  'Priya Raman',
  '18 Cedar Lane',
  'Berkeley, CA 94704',
  '',
  'Dear Priya,',
  '',
  'We are pleased to offer you an internship as a Robotics Software Intern at Larkspur Robotics Inc.',
  'The internship begins on June 7, 2027 and ends on August 27, 2027.',
  'You will work 40 hours per week at 1400 Harbor Way, Suite 210, Oakland, CA 94607.',
  'You will be paid $31.50 per hour.',
  'Your duties will include writing motion-planning software, testing it on our robot arms, and documenting the results.',
  'You will report to Dana Whitfield, Engineering Manager (dana.whitfield@larkspur-robotics.example).',
  '',
  'Sincerely,',
  'Dana Whitfield',
  'Engineering Manager, Larkspur Robotics Inc.',
];

const GAPS_LINES = [
  'Larkspur Robotics Inc.',
  '1400 Harbor Way, Suite 210, Oakland, CA 94607',
  '',
  'March 2, 2027',
  '',
  'Priya Raman',
  '18 Cedar Lane',
  'Berkeley, CA 94704',
  '',
  'Dear Priya,',
  '',
  'We are pleased to offer you an internship as a Robotics Software Intern at Larkspur Robotics Inc.',
  'The internship begins on June 7, 2027 and ends on August 27, 2027.',
  'You will work 40 hours per week.',
  'Your duties will include writing motion-planning software, testing it on our robot arms, and documenting the results.',
  '',
  'Sincerely,',
  'Dana Whitfield',
  'Engineering Manager, Larkspur Robotics Inc.',
];

export type SampleKind = 'full' | 'gaps';
const LINES: Record<SampleKind, string[]> = { full: FULL_LINES, gaps: GAPS_LINES };

export function letterText(kind: SampleKind): string {
  return LINES[kind].join('\n');
}

export function letterPdf(kind: SampleKind): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: 'Offer letter', CreationDate: new Date('2027-03-02T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(11);
    for (const line of LINES[kind]) {
      if (line === '') doc.moveDown(0.6);
      else doc.text(line);
    }
    doc.end();
  });
}

export async function letterDocx(kind: SampleKind): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: LINES[kind].map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}
