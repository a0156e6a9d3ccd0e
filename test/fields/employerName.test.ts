import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../src/fields/letter.js';
import { extractEmployerName } from '../../src/fields/employerName.js';
import type { EmailEnvelope } from '../../src/extract/extractedDocument.js';

function employer(text: string, email: EmailEnvelope | null = null) {
  return extractEmployerName(letterFromText(text, email));
}

function envelope(address: string): EmailEnvelope {
  return { from: { name: 'Recruiting', address }, to: [{ name: null, address: 'student@lakemont.edu' }], date: '2026-11-02', subject: 'Offer' };
}

describe('extractEmployerName', () => {
  it('takes the letterhead company', () => {
    const r = employer(`Kestrel Aerospace Works, Inc.
1200 Summit Boulevard
Denver, CO 80202

Dear Priya,
We are pleased to offer you an internship. We look forward to welcoming you to Kestrel Aerospace.`);
    expect(r.status).toBe('present');
    expect(r.value).toBe('Kestrel Aerospace Works, Inc.');
    expect(r.evidence[0].quote).toBe('Kestrel Aerospace Works, Inc.');
  });

  it('reads "On behalf of <Company>" without letterhead', () => {
    const r = employer('Dear Priya,\n\nOn behalf of Granite Peak Capital LLC, I am pleased to offer you the position of Investment Research Intern.');
    expect(r.value).toBe('Granite Peak Capital LLC');
  });

  it('reads "join <Company>" for a company with no company word', () => {
    const r = employer('Dear Priya,\n\nWe are excited to have you join Zephyrine this summer as a Data Analyst Intern.');
    expect(r.value).toBe('Zephyrine');
  });

  it('reads "<Company> is pleased to offer"', () => {
    expect(employer('Dear Bao,\n\nHalcyon Medical Devices, Inc. is pleased to offer you a co-op.').value).toBe('Halcyon Medical Devices, Inc.');
  });

  it('prefers the full form of a company named twice ("Bluefinch Media" and "Bluefinch Media Co.")', () => {
    const r = employer('Dear Bao,\n\nThank you for your interest in Bluefinch Media. On behalf of Bluefinch Media Co., I am pleased to offer you an internship.');
    expect(r.value).toBe('Bluefinch Media Co.');
  });

  it('does not take the student’s university for the employer', () => {
    const r = employer('Dear Priya,\n\nAs a student at Lakemont University you are eligible. We are pleased to offer you an internship at Copperkite Games LLC.');
    expect(r.value).toBe('Copperkite Games LLC');
  });

  it('reads the company line of an email signature and checks it against the sender domain', () => {
    const r = employer('Hi Priya,\nWelcome aboard!\n\nBest regards,\nSamir Haddad\nTalent Acquisition Partner\nWindrose Transit Technologies\n', envelope('samir.haddad@windrosetransit.com'));
    expect(r.value).toBe('Windrose Transit Technologies');
    expect(r.trace.join(' ')).toMatch(/matches the sender's domain/);
  });

  it('falls back to the sender domain when the letter names no company', () => {
    const r = employer('Hi Priya,\nWelcome aboard!\n\nThanks,\nSamir', envelope('samir@windrosetransit.com'));
    expect(r.value).toBe('windrosetransit.com');
    expect(r.confidence).toBeLessThan(0.6);
  });

  it('is missing when no company is named and the email is from free mail', () => {
    const r = employer('Hi Priya,\nWelcome aboard!\n\nThanks,\nSamir', envelope('samir.h@gmail.com'));
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/employing company/);
  });

  it('does not take a job title or department for a company', () => {
    const r = employer('Dear Priya,\n\nWe are pleased to offer you the position of Software Engineering Intern in our Platform Engineering group.');
    expect(r.status).toBe('missing');
  });

  it('prefers the fuller company form that adds only a company word ("… Analytics Group")', () => {
    const r = employer('Dear Priya,\n\nWe look forward to welcoming you to Bramblewood Analytics.\n\nBest regards,\nJulia Rosenthal\nBramblewood Analytics Group');
    expect(r.value).toBe('Bramblewood Analytics Group');
  });

  it('reads a brand in the signature when an email domain there confirms it', () => {
    const r = employer('Hi Kenji,\nWe would like to bring you on as our Growth Marketing Intern.\n\nCheers,\nOla Nordmann\nHead of Growth | Loopwise\nola@loopwise.io');
    expect(r.value).toBe('Loopwise');
  });

  it('keeps the readable form of a company written in capitals in the letterhead', () => {
    const r = employer('NORTHWIND HEALTH SYSTEMS\n2200 Riverside Parkway, Madison, WI 53703\n\nDear Ada,\nNorthwind Health Systems is delighted to offer you an internship.');
    expect(r.value).toBe('Northwind Health Systems');
  });

  it('prefers the full legal name in the body over a brand-only letterhead', () => {
    const r = employer('LARKSPUR\n835 Summit Boulevard, Pittsburgh, PA 15222\n\nDear Zainab,\nOn behalf of Larkspur Genomics, Inc., I am pleased to offer you an internship.');
    expect(r.value).toBe('Larkspur Genomics, Inc.');
  });
});
