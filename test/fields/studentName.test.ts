import { describe, expect, it } from 'vitest';
import { letterFromText, pageOf } from '../../src/fields/letter.js';
import { extractStudentName } from '../../src/fields/studentName.js';

const SIGNATURE = `Sincerely,

Margaret Ellison
Director of Talent Acquisition
Brightwater Analytics, Inc.`;

function name(text: string) {
  return extractStudentName(letterFromText(text));
}

describe('extractStudentName', () => {
  it('takes the name filled in on an "Accepted by:" line when the greeting names no one, and nothing from a blank one', () => {
    const r = name('Dear Participant:\n\nCongratulations on your acceptance to the program.\n\nAccepted by: Aylin Demirci\nDate: November 21, 2026');
    expect(r.value).toBe('Aylin Demirci');
    expect(r.evidence[0].quote).toBe('Accepted by: Aylin Demirci');
    expect(name('Dear Participant:\n\nCongratulations on your acceptance.\n\nAccepted by: ____________\nDate: ______').status).toBe('missing');
  });

  it('takes the better of two OCR readings of the name where OCR doubted a word of the one it found', () => {
    // wild/ocr/photo-frappe-appointment-13: "Tomás" read "Tomés" (0.38) at the top, "Tomas" (0.95) over the acceptance line.
    const text = 'Appointment Letter\n\nTomés Echeverria, Date: 11-23-2026\n\nWe are pleased to appoint you as Supply Chain Analytics Intern.\n\nPlease sign and return a copy of this letter as a token of your acceptance.\n\nTomas Echeverria';
    const confidence: Record<string, number> = { 'Tomés': 0.38, 'Tomas': 0.95 };
    const words = text.split(/\s+/).map((w) => ({ text: w, confidence: confidence[w] ?? 0.96 }));
    const r = extractStudentName({ pages: [pageOf({ text, source: 'ocr', words })], email: null });
    expect(r.value).toBe('Tomas Echeverria');
    // Read well, the name stands as found; and a text layer is never second-guessed.
    const sure = text.split(/\s+/).map((w) => ({ text: w, confidence: 0.96 }));
    expect(extractStudentName({ pages: [pageOf({ text, source: 'ocr', words: sure })], email: null }).value).toBe('Tomés Echeverria');
    expect(extractStudentName(letterFromText(text)).value).toBe('Tomés Echeverria');
  });

  it('completes a first-name greeting from the address block', () => {
    const r = name(`Brightwater Analytics, Inc.
420 Market Street
San Francisco, CA 94105

November 3, 2026

Priya Raman
212 College Avenue, Apt 4B
Ithaca, NY 14850

Re: Offer of Internship - Data Analyst Intern

Dear Priya,

We are pleased to offer you the position of Data Analyst Intern.

${SIGNATURE}`);
    expect(r.status).toBe('present');
    expect(r.value).toBe('Priya Raman');
    expect(r.evidence.map((e) => e.quote)).toEqual(['Dear Priya,', 'Priya Raman']);
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('completes a surname greeting ("Dear Ms. Raman") from a "To:" line', () => {
    const r = name(`To: Priya Raman\nDate: November 3, 2026\n\nDear Ms. Raman:\n\nWe are pleased to offer you an internship.\n\n${SIGNATURE}`);
    expect(r.value).toBe('Priya Raman');
  });

  it('keeps a surname-only greeting with its honorific when nothing fuller is written', () => {
    const r = name(`Dear Mr. Nguyen,\n\nWe are pleased to offer you an internship.\n\n${SIGNATURE}`);
    expect(r.status).toBe('present');
    expect(r.value).toBe('Mr. Nguyen');
    expect(r.confidence).toBeLessThan(0.9);
  });

  it('reads a full-name greeting', () => {
    expect(name(`Dear Sofía Herrera-López,\n\nCongratulations!\n\n${SIGNATURE}`).value).toBe('Sofía Herrera-López');
  });

  it('keeps accents and initials: "We are pleased to offer you, José A. Núñez, ..."', () => {
    const r = name(`Dear José,\n\nWe are pleased to offer you, José A. Núñez, the position of Backend Developer Intern.\n\n${SIGNATURE}`);
    expect(r.value).toBe('José A. Núñez');
  });

  it('reads surname-first names written in the address block', () => {
    const r = name(`October 5, 2026\n\nNguyen Van An\n18 Maple Street\nAmes, IA 50010\n\nDear An,\n\nWe are pleased to offer you a co-op.\n\n${SIGNATURE}`);
    expect(r.value).toBe('Nguyen Van An');
  });

  it('reads names with particles and Arabic prefixes', () => {
    expect(name(`Dear Fatima Al-Sayed,\n\nWelcome.\n\n${SIGNATURE}`).value).toBe('Fatima Al-Sayed');
    const r = name(`Lotte van der Berg\n9 Prospect Street\nDavis, CA 95616\n\nDear Lotte,\n\nWe are pleased to offer you an internship.\n\n${SIGNATURE}`);
    expect(r.value).toBe('Lotte van der Berg');
  });

  it('reads "Congratulations, <name>!" when there is no greeting', () => {
    const r = name(`Congratulations, Kwame Mensah! We are pleased to offer you the position of Finance Co-op.\n\n${SIGNATURE}`);
    expect(r.value).toBe('Kwame Mensah');
  });

  it('reads an email greeting completed by the To header', () => {
    const r = extractStudentName(
      letterFromText('Hi Hiroshi,\n\nGreat news: we would like to offer you the internship.\n\nThanks,\nNaomi Feldman', {
        from: { name: 'Naomi Feldman', address: 'naomi.feldman@glasswing.dev' },
        to: [{ name: 'Hiroshi Tanaka', address: 'h.tanaka@westhaven.edu' }],
        date: '2026-11-03',
        subject: 'Offer',
      }),
    );
    expect(r.value).toBe('Hiroshi Tanaka');
  });

  it('never takes the signer for the student', () => {
    const r = name(`We are pleased to offer you an internship with our team.\n\nSincerely,\nMargaret Ellison\nDirector of Talent Acquisition\n212 Market Street\nBoston, MA 02110`);
    expect(r.status).toBe('missing');
  });

  it('never takes the HR contact or the supervisor for the student', () => {
    const r = name(`Dear Candidate,

We are pleased to offer you the Supply Chain Co-op position. You will report to Karen Whitfield, Supply Chain Manager.
If you have any questions, please contact Thomas Brennan, HR Coordinator, at thomas.brennan@harborlinelogistics.com.

${SIGNATURE}`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/full name/);
    expect(r.trace.join(' ')).toMatch(/names no person/);
  });

  it('rejects a signer written at the top by a PDF that put the signature block first', () => {
    const r = name(`Margaret Ellison\nDirector of Talent Acquisition\nmargaret.ellison@brightwater-analytics.com\n\nTo: Ananya Iyer\n\nWe are pleased to offer you an internship.\n\nSincerely,\nMargaret Ellison`);
    expect(r.value).toBe('Ananya Iyer');
  });

  it('reads a labeled candidate line in an offer form', () => {
    const r = name(`OFFER SUMMARY\nCandidate: Chukwuemeka Eze\nPosition: Embedded Systems Co-op\n\n${SIGNATURE}`);
    expect(r.value).toBe('Chukwuemeka Eze');
    expect(r.evidence[0].quote).toBe('Candidate: Chukwuemeka Eze');
  });

  it('keeps the greeting when the address block names someone else, and says so', () => {
    const r = name(`Daniel Brooks\n50 Elm Street\nAustin, TX 78701\n\nDear Priya Raman,\n\nWe are pleased to offer you an internship.\n\n${SIGNATURE}`);
    expect(r.value).toBe('Priya Raman');
    expect(r.trace.join(' ')).toMatch(/also addressed to 'Daniel Brooks'/);
  });

  it('is missing for "To whom it may concern"', () => {
    const r = name(`To whom it may concern,\n\nThis confirms an internship offer.\n\n${SIGNATURE}`);
    expect(r.status).toBe('missing');
  });

  it('does not read the attached letter’s address block as the cover email’s signature', () => {
    const letter = {
      pages: [
        pageOf({ number: 1, text: 'Dear Hana,\n\nPlease find attached your offer letter.\n\nBest regards,\n\nAndre Baptiste\nSenior Manager, Human Resources\nTallgrass Data Systems, Inc.', source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: 'Tallgrass Data Systems, Inc.\n55 Canal Street\nBoston, MA 02110\nNovember 8, 2026\nHana Kobayashi\n12 Maple Street\nAmes, IA 50010\nDear Hana,', source: 'text', imageCount: 0 }),
      ],
      email: { from: { name: 'Andre Baptiste', address: 'andre.baptiste@tallgrassdata.com' }, to: [{ name: 'Hana Kobayashi', address: 'hana.kobayashi@lakemont.edu' }], date: '2026-11-08', subject: 'Offer' },
    };
    expect(extractStudentName(letter).value).toBe('Hana Kobayashi');
  });

  it('keeps a family-name-first "Name:" value as written', () => {
    expect(name(`Name: Müller, Anna-Lena\nPosition: Robotics Software Intern\n\nKind regards\nSabine Koch`).value).toBe('Müller, Anna-Lena');
  });

  it('reads "Welcome to the team, <name>!" when there is no greeting', () => {
    expect(name(`Welcome to the team, Amara Diallo! We are pleased to confirm your internship.\n\n${SIGNATURE}`).value).toBe('Amara Diallo');
  });

  it('completes a first-name email greeting from the full greeting of the letter below it', () => {
    const r = name('Hi Sara,\n\nSee the formal offer below.\n\nThanks,\nMiguel Ortega\n\n----- Offer -----\nDear Sara Lindqvist,\nBluestem Analytics is pleased to offer you the Data Engineering Co-op role.');
    expect(r.value).toBe('Sara Lindqvist');
  });
});
