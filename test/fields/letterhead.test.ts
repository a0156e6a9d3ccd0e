import { describe, expect, it } from 'vitest';
import { PageBuilder } from '../../src/extract/layout/pageBuilder.js';
import { letterFromText, type Letter, pageOf } from '../../src/fields/letter.js';
import { extractLetterhead } from '../../src/fields/letterhead.js';
import type { EmailEnvelope } from '../../src/extract/extractedDocument.js';

function email(from: string, overrides: Partial<EmailEnvelope> = {}): EmailEnvelope {
  return {
    from: { name: 'Rachel Steinberg', address: from },
    to: [{ name: 'Priya Raman', address: 'priya.raman@students.lakemont.edu' }],
    date: '2026-11-03T14:20:00Z',
    subject: 'Your internship offer',
    ...overrides,
  };
}

const BODY = `Dear Priya,

On behalf of our team, I am pleased to offer you the position of Data Analyst Intern.

Best regards,
Rachel Steinberg
Director of Talent Acquisition
`;

describe('extractLetterhead', () => {
  it('reads a company name block with legal form and address at the top', () => {
    const r = extractLetterhead(
      letterFromText(`Brightwater Analytics, Inc.
Data you can stand on
420 Market Street, Suite 1200
San Francisco, CA 94105
Tel (415) 555-0142  |  www.brightwater-analytics.com

November 3, 2026

Priya Raman
${BODY}`),
    );
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'letterhead', organization: 'Brightwater Analytics, Inc.', sender: null });
    expect(r.evidence[0].quote).toBe('Brightwater Analytics, Inc.');
    expect(r.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('reads an all-caps brand header with no company word when an address line follows', () => {
    const r = extractLetterhead(
      letterFromText(`LARKSPUR
1200 Innovation Way | Boston, MA 02110 | (617) 555-0100

March 3, 2026
${BODY}`),
    );
    expect(r.status).toBe('present');
    expect(r.value?.organization).toBe('LARKSPUR');
  });

  it('spells a letterhead OCR misread as the body of the letter names the company, quoting it as read', () => {
    // fixtures/ocr/jpeg-photo-10.jpg: a display face read as "PeLrucip Optics, INC.".
    const text = 'PeLrucip Optics, INC.\n998 Riverside Parkway, Suite 2510\nNew Orleans, LA 70112\n\nDear Priya,\n\nOn behalf of Pellucid Optics, Inc., I am pleased to offer you the position of Analyst Intern.';
    const words = ['PeLrucip', 'Optics,', 'INC.'].map((w) => ({ text: w, confidence: 0.55 }));
    const r = extractLetterhead({ pages: [pageOf({ text, source: 'ocr', words })], email: null });
    expect(r.value).toEqual({ kind: 'letterhead', organization: 'Pellucid Optics, Inc.', sender: null });
    expect(r.evidence[0].quote).toBe('PeLrucip Optics, INC.');
    // A text layer says what it says: its letterhead is taken as written.
    expect(extractLetterhead(letterFromText(text)).value).toMatchObject({ organization: 'PeLrucip Optics, INC.' });
  });

  it('reads a header with a company word but no address ("Northgate Robotics")', () => {
    const r = extractLetterhead(letterFromText(`Northgate Robotics\n\nOctober 12, 2026\n\n${BODY}`));
    expect(r.status).toBe('present');
    expect(r.value?.organization).toBe('Northgate Robotics');
  });

  it('does not take the student address block for a letterhead', () => {
    const r = extractLetterhead(
      letterFromText(`November 3, 2026

Priya Raman
212 College Avenue, Apt 4B
Ithaca, NY 14850

${BODY}`),
    );
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/letterhead/);
  });

  it('is missing for a plain letter with no company header', () => {
    const r = extractLetterhead(letterFromText(BODY));
    expect(r.status).toBe('missing');
    expect(r.value).toBeNull();
    expect(r.trace.join(' ')).toMatch(/no company name block/);
  });

  it('does not take a company named only in the body for a letterhead', () => {
    const r = extractLetterhead(letterFromText(`Dear Priya,\n\nWe at Granite Peak Capital LLC are pleased to offer you an internship.\n\nSincerely,\nIan Fitzgerald`));
    expect(r.status).toBe('missing');
  });

  it('reports an official email with the company named in the signature', () => {
    const body = `Hi Priya,\n\nWe are delighted to offer you the Data Analyst Intern position.\n\nBest regards,\nRachel Steinberg\nDirector of Talent Acquisition\nBrightwater Analytics, Inc.\n(415) 555-0142`;
    const r = extractLetterhead(letterFromText(body, email('rachel.steinberg@brightwater-analytics.com')));
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'email', organization: 'Brightwater Analytics', sender: 'rachel.steinberg@brightwater-analytics.com' });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('falls back to the domain when no company name in the email matches it', () => {
    const r = extractLetterhead(letterFromText(BODY, email('hr@quillstone.io')));
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'email', organization: 'quillstone.io', sender: 'hr@quillstone.io' });
  });

  it.each(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me'])('rejects a free-mail sender at %s', (domain) => {
    const r = extractLetterhead(letterFromText(BODY, email(`recruiting.acme@${domain}`)));
    expect(r.status).toBe('invalid');
    expect(r.value).toEqual({ kind: 'email', organization: null, sender: `recruiting.acme@${domain}` });
    expect(r.fix).toMatch(/personal address/);
    expect(r.trace.join(' ')).toMatch(/free personal mail/);
  });

  it('accepts a free-mail email when an attached letter carries a real letterhead', () => {
    const letter: Letter = {
      pages: [
        pageOf({ number: 1, text: 'Hi Priya, please find your offer attached.\n\nThanks,\nRachel', source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: `Sunward Agritech, Inc.\n77 Commerce Avenue\nOmaha, NE 68102\n\n${BODY}`, source: 'text', imageCount: 1 }),
      ],
      email: email('rachel.s@gmail.com'),
    };
    const r = extractLetterhead(letter);
    expect(r.status).toBe('present');
    expect(r.value?.kind).toBe('letterhead');
    expect(r.value?.organization).toBe('Sunward Agritech, Inc.');
    expect(r.evidence[0].page).toBe(2);
  });

  it('reads From/Sent/To/Subject headers printed in a text letter', () => {
    const text = `From: Luis Alvarado <luis.alvarado@tallgrassdata.com>
Sent: Tuesday, November 3, 2026 9:14 AM
To: Priya Raman <priya.raman@students.lakemont.edu>
Subject: Internship offer

Dear Priya,
We are pleased to offer you an internship at Tallgrass Data Systems, Inc.

Regards,
Luis Alvarado`;
    const r = extractLetterhead(letterFromText(text));
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'email', organization: 'Tallgrass Data Systems', sender: 'luis.alvarado@tallgrassdata.com' });
    expect(r.evidence[0].quote).toMatch(/^From: Luis Alvarado/);
  });

  it('rejects printed headers from a free-mail address', () => {
    const text = `From: Acme HR <acme.hiring@yahoo.com>\nDate: Nov 3, 2026\nTo: priya@lakemont.edu\nSubject: Offer\n\n${BODY}`;
    expect(extractLetterhead(letterFromText(text)).status).toBe('invalid');
  });

  it('reports an email from the company domain as an email even when the attached letter has a letterhead', () => {
    const r = extractLetterhead(letterFromText(`Verdant Bay Biotech, Inc.\n55 Canal Street\nBoston, MA 02110\n\n${BODY}`, email('people@verdantbaybio.com')));
    expect(r.value).toEqual({ kind: 'email', organization: 'Verdant Bay Biotech', sender: 'people@verdantbaybio.com' });
    expect(r.trace.join(' ')).toMatch(/letterhead .* is also present/);
  });

  it('names the email organization by the shortest name the letter gives the domain', () => {
    const body = 'Dear Priya,\n\nOn behalf of Windrose Transit Technologies, I am pleased to offer you an internship. We look forward to welcoming you to Windrose Transit.\n\nBest regards,\nDavid Okonkwo\nWindrose Transit Technologies';
    const r = extractLetterhead(letterFromText(body, email('david.okonkwo@windrosetransit.com')));
    expect(r.value?.organization).toBe('Windrose Transit');
  });

  it('finds a company with no company word for the domain ("Riverbend Credit Union" for riverbendcu.org)', () => {
    const body = 'Dear Marisol,\n\nOn behalf of Riverbend Credit Union, I am pleased to offer you an internship.\n\nBest regards,\nPatrick Doyle';
    expect(extractLetterhead(letterFromText(body, email('patrick.doyle@riverbendcu.org'))).value?.organization).toBe('Riverbend Credit Union');
  });

  it('finds a DOCX header placed first, above the date and a reference line', () => {
    const r = extractLetterhead(
      letterFromText(`Tidewater Maritime Engineering
900 Harbor Point Drive, Suite 300 · Baltimore, MD 21202
www.tidewatermaritime.com
November 2, 2026
Ref: OFR-2027-4471
${BODY}`),
    );
    expect(r.value?.organization).toBe('Tidewater Maritime Engineering');
  });

  it('separates the company from its address when a two-column header extracts as one line', () => {
    const r = extractLetterhead(letterFromText(`Ravenstone Security LLC 748 Park Plaza, Suite 2650\nChicago, IL 60606\nTel (404) 555-0155 | www.ravenstonesec.com\nNov. 23, 2026 \tReference: OFR-2027-2786\n${BODY}`));
    expect(r.value?.organization).toBe('Ravenstone Security LLC');
  });

  it('takes a two-word brand over a phone/web line for a letterhead even though it looks like a name', () => {
    const r = extractLetterhead(letterFromText(`Larkspur Genomics\n835 Summit Boulevard | Pittsburgh, Pennsylvania 15222 | Tel (303) 555-0157 | www.larkspurgenomics.com\nNov. 11, 2026\n${BODY}`));
    expect(r.value?.organization).toBe('Larkspur Genomics');
  });

  it('reads a legal form ending in a period ("P.C.")', () => {
    const r = extractLetterhead(letterFromText(`Foxglove Civil Engineering, P.C.\n1750 Franklin Avenue, Suite 1500 · Irvine, CA 92618\n\n${BODY}`));
    expect(r.value?.organization).toBe('Foxglove Civil Engineering, P.C.');
  });

  it('reads a company name that opens a line shared with another column', () => {
    const r = extractLetterhead(letterFromText(`= 750 Canal Street, Suite 2450\nWrenfield Insurance Company Charlotte, NC 28202-4770\nSince 1921 Tel (617) 555-0101 | www.wrenfield.com\n${BODY}`));
    expect(r.value?.organization).toBe('Wrenfield Insurance Company');
  });

  it('does not take an opening sentence that starts with the company for a letterhead', () => {
    const r = extractLetterhead(letterFromText('Acme Robotics is pleased to offer you a summer internship as a Data Analyst Intern.\nYou will start in June.'));
    expect(r.status).toBe('missing');
  });
});

describe('extractLetterhead on the layout', () => {
  const BODY_LINES = [{ text: 'Dear Priya,' }, { text: 'We are pleased to offer you the position of Data Analyst Intern.' }];

  it('reads the letterhead from the page header first, and never from a value in the terms table', () => {
    const b = new PageBuilder({ number: 1 });
    b.paragraph('header', [{ text: 'Cover Terms' }]);
    b.table('body', [[{ lines: [{ text: 'Employer' }] }, { lines: [{ text: 'Mossbank Materials Corp.' }] }], [{ lines: [{ text: 'Employee' }] }, { lines: [{ text: 'Hana Kobayashi' }] }]], { how: 'docx' });
    b.paragraph('body', BODY_LINES);
    expect(extractLetterhead({ pages: [b.build()], email: null }).status).toBe('missing');
  });

  it('takes a logo picture in the page header for a letterhead, named by the signature block, at a lower confidence', () => {
    const b = new PageBuilder({ number: 1, imageCount: 0 });
    b.picture('header', null, 'logo.png');
    b.paragraph('body', BODY_LINES);
    b.paragraph('body', [{ text: 'Sincerely,' }]);
    b.paragraph('body', [{ text: 'Dana Lee' }, { text: 'HR Director' }, { text: 'Kestrel Robotics, Inc.' }]);
    const r = extractLetterhead({ pages: [b.build()], email: null });
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'letterhead', organization: 'Kestrel Robotics, Inc.', sender: null });
    expect(r.confidence).toBeLessThan(0.7);
    expect(r.trace.join(' ')).toMatch(/logo/);
  });
});
