import { describe, expect, it } from 'vitest';
import { checkSupervisorContact } from '../../src/rules/checkSupervisorContact.js';
import { PROFILES, contextOf, profileWith, withValue } from './letterFacts.js';

const nameOnly = withValue('supervisor', { name: 'Lena Ortiz', title: null, email: null, phone: null });

describe('checkSupervisorContact', () => {
  it('does not ask for contact details under cpt', () => {
    expect(checkSupervisorContact(contextOf({ elements: nameOnly }))).toEqual([]);
  });

  it('is an error under cpt-strict when only the name is given', () => {
    const findings = checkSupervisorContact(contextOf({ profile: PROFILES.strict, elements: nameOnly }));
    expect(findings).toEqual([expect.objectContaining({ code: 'SUPERVISOR_CONTACT_MISSING', severity: 'error', element: 'supervisor' })]);
    expect(findings[0].message).toContain('Lena Ortiz');
  });

  it('accepts a phone number alone', () => {
    expect(checkSupervisorContact(contextOf({ profile: PROFILES.strict, elements: withValue('supervisor', { name: 'Lena Ortiz', title: null, email: null, phone: '303-555-0142' }) }))).toEqual([]);
  });

  it('asks for the email, the phone or both where the profile says', () => {
    const emailOnly = withValue('supervisor', { name: 'Lena Ortiz', title: null, email: 'lena.ortiz@acmerobotics.example', phone: null });
    const both = withValue('supervisor', { name: 'Lena Ortiz', title: null, email: 'lena.ortiz@acmerobotics.example', phone: '303-555-0142' });
    const needs = (supervisorContactNeeds: 'email' | 'phone' | 'both') => profileWith({ rules: { supervisorContact: true, supervisorContactNeeds } });
    expect(checkSupervisorContact(contextOf({ profile: needs('email'), elements: emailOnly }))).toEqual([]);
    expect(checkSupervisorContact(contextOf({ profile: needs('phone'), elements: emailOnly }))).toEqual([expect.objectContaining({ code: 'SUPERVISOR_CONTACT_MISSING' })]);
    const findings = checkSupervisorContact(contextOf({ profile: needs('both'), elements: emailOnly }));
    expect(findings[0].message).toContain('both an email address and a phone number');
    expect(checkSupervisorContact(contextOf({ profile: needs('both'), elements: both }))).toEqual([]);
  });
});
