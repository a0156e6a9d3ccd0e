/**
 * Invented letters for the case and profile tests: one offer letter whose lines each test changes
 * (no hours, remote work, an e-signature, learning objectives...), rendered as text or as a PDF,
 * and follow-up emails from the employer. Every person, company and address is invented.
 */
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export const STUDENT = 'Priya Raman';
export const COMPANY_DOMAIN = 'larkspur-robotics.example';

export interface OfferOptions {
  /** The opening sentence; by default an internship as a Robotics Software Intern. */
  intro?: string;
  /** The hours line; null leaves the hours out. */
  hours?: string | null;
  start?: string;
  end?: string;
  /** The work-site sentence. */
  site?: string;
  pay?: string;
  /** Lines that replace the default signature block under "Sincerely,". */
  signature?: string[];
  /** The sentence about the supervisor; null leaves it out. */
  supervisor?: string | null;
  /** Extra lines after the duties (a relation to the program, learning objectives). */
  extra?: string[];
}

export function offerLines(o: OfferOptions = {}): string[] {
  const start = o.start ?? 'June 7, 2027';
  const end = o.end ?? 'August 27, 2027';
  return [
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
    o.intro ?? 'We are pleased to offer you an internship as a Robotics Software Intern at Larkspur Robotics Inc.',
    `The internship begins on ${start} and ends on ${end}.`,
    ...(o.hours === null ? [] : [o.hours ?? 'You will work 40 hours per week.']),
    o.site ?? 'Your work location is 1400 Harbor Way, Suite 210, Oakland, CA 94607.',
    o.pay ?? 'You will be paid $31.50 per hour.',
    'Your duties will include writing motion-planning software, testing it on our robot arms, and documenting the results.',
    ...(o.extra ?? []),
    ...(o.supervisor === null ? [] : [o.supervisor ?? 'You will report to Dana Whitfield, Engineering Manager (dana.whitfield@larkspur-robotics.example, 510-555-0142).']),
    '',
    'Sincerely,',
    ...(o.signature ?? ['Marcus Bell', 'Director of Engineering, Larkspur Robotics Inc.']),
  ];
}

export function offerText(o: OfferOptions = {}): Buffer {
  return Buffer.from(offerLines(o).join('\n'));
}

export interface PdfExtras {
  /** Draws a picture under the closing, where a drawn signature goes. */
  imageUnderClosing?: boolean;
  /**
   * Adds a signature dictionary (/Type /Sig with a /ByteRange and a PKCS #7 /Contents), as a PDF
   * signed with a certificate carries one. The bytes are not a real signature: what is tested is
   * that the dictionary is found, not that it verifies.
   */
  certificate?: boolean;
}

/** The letter as a one-page text PDF. */
export async function offerPdf(o: OfferOptions = {}, extras: PdfExtras = {}): Promise<Buffer> {
  // A dark stroke on white: a picture where a drawn signature goes.
  const signaturePng = extras.imageUnderClosing ? await sharp({ create: { width: 240, height: 60, channels: 3, background: '#ffffff' } }).composite([{ input: { create: { width: 200, height: 6, channels: 3, background: '#1a1a60' } }, top: 30, left: 20 }]).png().toBuffer() : null;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: 'Offer letter', CreationDate: new Date('2027-03-02T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(11);
    for (const line of offerLines(o)) {
      if (line === '') doc.moveDown(0.6);
      else doc.text(line);
      if (signaturePng && line === 'Sincerely,') {
        doc.image(signaturePng, { width: 120, height: 30 });
        doc.moveDown(0.2);
      }
    }
    if (extras.certificate) {
      const signature = doc.ref({
        Type: 'Sig',
        Filter: 'Adobe.PPKLite',
        SubFilter: 'adbe.pkcs7.detached',
        Name: new String('Dana Whitfield'),
        ByteRange: [0, 1024, 9216, 512],
        Contents: Buffer.from('3082 0a1b 0609 2a86 4886 f70d 0107 02a0'.replace(/ /g, '').repeat(64), 'hex'),
      });
      signature.end(undefined);
    }
    doc.end();
  });
}

/** A follow-up email from the employer (by default from the company's own domain). */
export function followUpEmail(body: string[], from = `Dana Whitfield <dana.whitfield@${COMPANY_DOMAIN}>`): Buffer {
  return Buffer.from(
    [
      `From: ${from}`,
      'To: Priya Raman <priya.raman@student.example>',
      'Date: Thu, 4 Mar 2027 10:12:00 -0800',
      'Subject: Re: Your internship offer',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Priya,',
      '',
      ...body,
      '',
      'Best regards,',
      'Dana Whitfield',
      'Engineering Manager, Larkspur Robotics Inc.',
      '',
    ].join('\r\n'),
  );
}
