import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../../src/fields/letter.js';
import { evidenceAt } from '../../../src/fields/layout/placeEvidence.js';
import { letterLines } from '../../../src/fields/shared/letterLines.js';
import { bulletItem, closingOf, findGreeting, findQuotedHeaders, letterSentences, signatureBlock, signerOfLine } from '../../../src/fields/shared/sections.js';
import { sentencesOf } from '../../../src/fields/layout/sentences.js';

describe('closings and signature blocks', () => {
  it.each(['Sincerely,', 'Best regards,', 'Yours truly,', 'With warm regards,', 'Thanks,', 'Respectfully yours', 'Cheers!'])('%s is a closing', (line) => {
    expect(closingOf(line)).not.toBeNull();
  });

  it('reads a name on the closing line but not a sentence', () => {
    expect(closingOf('Sincerely, Jane Smith')).toEqual({ inlineName: 'Jane Smith' });
    expect(closingOf('Thank you for your interest in our company.')).toBeNull();
    expect(closingOf('Best of luck with your exams')).toBeNull();
  });

  it('ends the block at the acceptance form', () => {
    const block = signatureBlock(letterFromText('Body.\nSincerely,\nJane Smith\nHR Director\nAccepted by: ______\nPriya Raman'));
    expect(block?.lines.map((l) => l.text)).toEqual(['Jane Smith', 'HR Director']);
  });

  it.each([
    ['/s/ David Okonkwo', 'David Okonkwo'],
    ['Jane Smith | Talent Acquisition', 'Jane Smith'],
    ['Electronically signed by Nisha Kapoor on 11/03/2026', 'Nisha Kapoor'],
    ['By: Arthur Pine', 'Arthur Pine'],
    ['Zenith Robotics GmbH', null],
    ['Head of People Operations', null],
  ])('signer of "%s"', (line, signer) => {
    expect(signerOfLine(line)).toBe(signer);
  });
});

describe('greetings, bullets and headers', () => {
  it('reads the greeting with its honorific', () => {
    const g = findGreeting(letterLines(letterFromText('March 3, 2026\nDear Ms. Raman:\nWe are pleased')));
    expect(g).toMatchObject({ name: 'Raman', honorific: 'Ms.', addressee: 'Ms. Raman' });
    expect(findGreeting(letterLines(letterFromText('Dear Hiring Team,')))?.name).toBeNull();
  });

  it('reads bullet and number marks but not decimals', () => {
    expect(bulletItem('• Build dashboards')).toBe('Build dashboards');
    expect(bulletItem('2) Review code')).toBe('Review code');
    expect(bulletItem('1.5 hours of training')).toBeNull();
  });

  it('finds printed email headers', () => {
    const h = findQuotedHeaders(letterLines(letterFromText('From: HR <hr@acme.example>\nSent: Monday\nTo: Priya\nSubject: Offer\n\nHi')));
    expect(h).toMatchObject({ from: 'HR <hr@acme.example>', subject: 'Offer' });
  });
});

describe('sentences', () => {
  it('does not end a sentence at "Mr." or an initial, but does after "Inc." before a capital', () => {
    expect(sentencesOf('Dr. Lee and José A. Núñez met. Acme, Inc. This is new.').map((s) => s.text)).toEqual([
      'Dr. Lee and José A. Núñez met.',
      'Acme, Inc.',
      'This is new.',
    ]);
  });

  it('keeps emails inside a sentence and joins wrapped lines', () => {
    const letter = letterFromText('You will report to Dana Whitfield (dana.whitfield@acme.example).\nYour internship will\nbegin in May.');
    expect(letterSentences(letter).map((s) => s.text)).toEqual([
      'You will report to Dana Whitfield (dana.whitfield@acme.example).',
      'Your internship will begin in May.',
    ]);
  });

  it('gives each sentence its span: the letter\'s words across a line break, quoted whole', () => {
    const letter = letterFromText('Your internship will\nbegin in May.');
    const [sentence] = letterSentences(letter);
    expect(letter.pages[0].text.slice(sentence.span.start, sentence.span.end)).toBe('Your internship will\nbegin in May.');
    expect(evidenceAt(letter, sentence.span).quote).toBe('Your internship will begin in May.');
  });
});
