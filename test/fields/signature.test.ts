import { describe, expect, it } from 'vitest';
import { PageBuilder } from '../../src/extract/layout/pageBuilder.js';
import { letterFromText, type Letter, pageOf } from '../../src/fields/letter.js';
import { extractSignature } from '../../src/fields/signature.js';

const BODY = 'Dear Priya,\n\nWe are pleased to offer you an internship.\n\n';

describe('extractSignature', () => {
  it('reads a typed signature under "Sincerely,"', () => {
    const r = extractSignature(letterFromText(`${BODY}Sincerely,\n\nMargaret Ellison\nDirector of Talent Acquisition\nBrightwater Analytics, Inc.\n\nAccepted by: ______________\nDate: ________`));
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'typed', signer: 'Margaret Ellison' });
    expect(r.evidence.map((e) => e.quote)).toEqual(['Sincerely,', 'Margaret Ellison']);
  });

  it('takes no word OCR hardly believed under the closing for a one-word sign-off', () => {
    // wild/ocr/photo-accord-internship-01 (tesseract.js): the paper's shadow under "Sincerely," read as "AER" at 0.15.
    const text = 'Dear Emeka,\n\nWe are pleased to offer you the internship.\n\nSincerely,\nSignatures:\n\nAER';
    const words = text.split(/\s+/).map((w) => ({ text: w, confidence: w === 'AER' ? 0.15 : 0.95 }));
    expect(extractSignature({ pages: [pageOf({ text, source: 'ocr', words })], email: null }).status).toBe('missing');
    const read = text.split(/\s+/).map((w) => ({ text: w, confidence: 0.95 }));
    expect(extractSignature({ pages: [pageOf({ text: text.replace('AER', 'Dana'), source: 'ocr', words: read.map((w) => (w.text === 'AER' ? { ...w, text: 'Dana' } : w)) })], email: null }).value).toEqual({ kind: 'typed', signer: 'Dana' });
  });

  it('reads a signature line over a typed name and title, even where the closing stands elsewhere with the company name', () => {
    const r = extractSignature(
      letterFromText(`${BODY}Please sign and return the enclosed copy.\n\n______________________________\nMonica Delacroix\nUniversity Recruiting Lead\n\nSincerely,\nPinecrest Aerospace, Inc.`),
    );
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ kind: 'typed', signer: 'Monica Delacroix' });
  });

  it("does not take the student's acceptance line for the employer's signature", () => {
    const r = extractSignature(letterFromText(`${BODY}Accepted and agreed:\n______________________________\nPriya Raman\nDate: __________`));
    expect(r.status).toBe('missing');
    const titled = extractSignature(letterFromText(`${BODY}______________________________\nPriya Raman\nCandidate signature`));
    expect(titled.status).toBe('missing');
  });

  it('does not take the company signing off by its name for a signer, however it is written', () => {
    const r = extractSignature(letterFromText(`Dear Priya,\n\nWe are pleased to offer you an internship at Thistledown Learning Co.\n\nBest regards,\nThistledown Learning`));
    expect(r.status).toBe('missing');
  });

  it('reads "/s/ Name" as an electronic signature', () => {
    const r = extractSignature(letterFromText(`${BODY}Sincerely,\n/s/ David Okonkwo\nDavid Okonkwo\nHead of People Operations`));
    expect(r.value).toEqual({ kind: 'electronic', signer: 'David Okonkwo' });
  });

  it('reads "Electronically signed by" and DocuSign envelopes', () => {
    expect(extractSignature(letterFromText(`${BODY}Best regards,\nElectronically signed by Nisha Kapoor on 11/03/2026\nNisha Kapoor, HR Manager`)).value).toEqual({
      kind: 'electronic',
      signer: 'Nisha Kapoor',
    });
    const r = extractSignature(letterFromText(`DocuSign Envelope ID: 4F2A9C1E-0B7D-4E55-9A11-2C3D4E5F6A7B\n${BODY}Sincerely,\n\nPatrick Doyle\nChief Operating Officer`));
    expect(r.value).toEqual({ kind: 'electronic', signer: 'Patrick Doyle' });
  });

  it('reads "Signed: Name (e-signature)"', () => {
    const r = extractSignature(letterFromText(`${BODY}Kind regards,\nSigned: Elena Vasquez (e-signature)\nVice President, Engineering`));
    expect(r.value).toEqual({ kind: 'electronic', signer: 'Elena Vasquez' });
  });

  it('takes an image on the page with the closing as a drawn signature', () => {
    const letter: Letter = {
      pages: [
        pageOf({ number: 1, text: `Acme Labs\n${BODY}The terms follow on the next page.`, source: 'text', imageCount: 1 }),
        pageOf({ number: 2, text: 'Sincerely,\n\nJennifer Wu\nUniversity Recruiting Lead', source: 'text', imageCount: 1 }),
      ],
      email: null,
    };
    const r = extractSignature(letter);
    expect(r.value).toEqual({ kind: 'image', signer: 'Jennifer Wu' });
    expect(r.evidence[0]).toMatchObject({ page: 2, quote: 'Sincerely,' });
    expect(r.trace.join(' ')).toMatch(/page 2/);
  });

  it('does not count an image on another page', () => {
    const letter: Letter = {
      pages: [
        pageOf({ number: 1, text: `Acme Labs\n${BODY}`, source: 'text', imageCount: 1 }),
        pageOf({ number: 2, text: 'Sincerely,\n\nJennifer Wu\nUniversity Recruiting Lead', source: 'text', imageCount: 0 }),
      ],
      email: null,
    };
    expect(extractSignature(letter).value?.kind).toBe('typed');
  });

  it('reads a one-line closing with the name ("Sincerely, Marcus Greene")', () => {
    expect(extractSignature(letterFromText(`${BODY}Sincerely, Marcus Greene`)).value).toEqual({ kind: 'typed', signer: 'Marcus Greene' });
  });

  it('reads an email sign-off with a name and title on one line', () => {
    const r = extractSignature(letterFromText(`Hi Priya,\n\nGreat news!\n\nBest,\nSamir Haddad | Talent Acquisition Partner\nsamir.haddad@windrosetransit.com`));
    expect(r.value).toEqual({ kind: 'typed', signer: 'Samir Haddad' });
  });

  it('takes the employer closing, not the quoted message below it', () => {
    const r = extractSignature(letterFromText(`Hi Priya,\nPlease see the offer below.\nThanks,\nGrace Mbeki\n\n-----Original Message-----\nFrom: Priya Raman\nThanks so much!\nBest,\nPriya Raman`));
    expect(r.value?.signer).toBe('Grace Mbeki');
  });

  it('is missing without any closing or signer', () => {
    const r = extractSignature(letterFromText('Dear Priya,\n\nWe are pleased to offer you an internship. Thank you for your interest in our company.'));
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/signed/);
  });

  it('calls a team or "Authorized Signatory" sign-off unsigned: nobody signed by hand, electronically or by name', () => {
    const r = extractSignature(letterFromText(`${BODY}Warm regards,\nThe Copperkite Games Recruiting Team`));
    expect(r.status).toBe('missing');
    expect(r.trace.join(' ')).toMatch(/no person named/);
    expect(extractSignature(letterFromText(`${BODY}Yours truly,\n\nAuthorized Signatory\nTallgrass Analytics, Inc.`)).status).toBe('missing');
  });

  it('takes a picture placed between the closing and the signed name for a drawn signature, and never the header logo', () => {
    const b = new PageBuilder({ number: 1, imageCount: 2 });
    b.picture('header', { x: 0.1, y: 0.03, width: 0.2, height: 0.06 }, 'logo');
    b.paragraph('header', [{ text: 'Acme Labs' }]);
    b.paragraph('body', [{ text: 'Dear Priya,' }, { text: 'We are pleased to offer you an internship.' }]);
    b.paragraph('body', [{ text: 'Sincerely,' }]);
    const withSignature = () => {
      const s = new PageBuilder({ number: 1, imageCount: 2 });
      s.picture('header', { x: 0.1, y: 0.03, width: 0.2, height: 0.06 }, 'logo');
      s.paragraph('header', [{ text: 'Acme Labs' }]);
      s.paragraph('body', [{ text: 'Dear Priya,' }, { text: 'We are pleased to offer you an internship.' }]);
      s.paragraph('body', [{ text: 'Sincerely,' }]);
      s.picture('body', { x: 0.1, y: 0.7, width: 0.2, height: 0.05 });
      s.paragraph('body', [{ text: 'Dana Lee' }, { text: 'HR Director' }]);
      return s.build();
    };
    b.paragraph('body', [{ text: 'Dana Lee' }, { text: 'HR Director' }]);
    expect(extractSignature({ pages: [b.build()], email: null }).value).toEqual({ kind: 'typed', signer: 'Dana Lee' });
    const signed = extractSignature({ pages: [withSignature()], email: null });
    expect(signed.value).toEqual({ kind: 'image', signer: 'Dana Lee' });
  });

  it('finds the drawn signature on the next page when the closing ends a page', () => {
    const letter: Letter = {
      pages: [
        pageOf({ number: 1, text: `${BODY}Sincerely,`, source: 'text', imageCount: 0 }),
        pageOf({ number: 2, text: 'Catherine Boyle\nHead of People Operations\nRavenstone Security LLC\nAccepted by: ________', source: 'text', imageCount: 1 }),
      ],
      email: null,
    };
    expect(extractSignature(letter).value).toEqual({ kind: 'image', signer: 'Catherine Boyle' });
  });

  it('reads "By: Name" under a firm name and never takes the title line or the firm for the signer', () => {
    const r = extractSignature(letterFromText(`${BODY}Very truly yours,\n\nPINE & POPLAR LLP\n\nBy: Arthur Pine\nManaging Partner`));
    expect(r.value).toEqual({ kind: 'typed', signer: 'Arthur Pine' });
  });

  it('reads a German "i.A." signer under the company line', () => {
    const r = extractSignature(letterFromText(`${BODY}Kind regards\nZenith Robotics GmbH\ni.A. Sabine Koch\nHR Business Partner`));
    expect(r.value).toEqual({ kind: 'typed', signer: 'Sabine Koch' });
  });

  it('on a scanned page, takes stray text between the closing and the typed name as a drawn signature', () => {
    const page = (text: string) => ({ pages: [pageOf({ number: 1, text, source: 'ocr', imageCount: 1 })], email: null });
    const drawn = extractSignature(page(`${BODY}Sincerely,\n\nMags Yecatnaes.\n\nLuis Alvarado\nChief Operating Officer\nWrenfield Insurance Company`));
    expect(drawn.value).toEqual({ kind: 'image', signer: 'Luis Alvarado' });
    const esigned = extractSignature(page(`${BODY}Sincerely,\n\nfst. Diane Fairbanks\n\nDiane Fairbanks :\nSenior Manager, Human Resources`));
    expect(esigned.value).toEqual({ kind: 'electronic', signer: 'Diane Fairbanks' });
    // The scan itself is the page's one image: a typed name alone stays typed.
    const typed = extractSignature(page(`${BODY}Sincerely,\n\nRachel Steinberg\nVice President, Engineering`));
    expect(typed.value).toEqual({ kind: 'typed', signer: 'Rachel Steinberg' });
  });
});

describe('extractSignature and the names of the company', () => {
  it('keeps a signer who is also the supervisor ("report to <Name>")', () => {
    const r = extractSignature(letterFromText('Dear Ana,\n\nYou will report to Dana Lee, our engineering manager, and work at Acme Robotics.\n\nSincerely,\nDana Lee\nEngineering Manager'));
    expect(r.value).toEqual({ kind: 'typed', signer: 'Dana Lee' });
  });
});
