import { describe, expect, it } from 'vitest';
import { compareElement } from '../../scripts/eval/compareElement.js';
import { foldOrganization, sameOrganization, streetKey } from '../../scripts/eval/normalize.js';

describe('normalize', () => {
  it('folds company names without their legal form', () => {
    expect(foldOrganization('Brightwater Analytics, Inc.')).toBe('brightwater analytics');
    expect(foldOrganization('Foxglove Civil Engineering, P.C.')).toBe('foxglove civil engineering');
    expect(foldOrganization('Cedar & Flint Design Studio')).toBe('cedar and flint design studio');
  });

  it('matches organizations by containment on word boundaries', () => {
    expect(sameOrganization('Brightwater Analytics', 'Brightwater Analytics, Inc.')).toBe(true);
    expect(sameOrganization('Brightwater Analytics, Inc.', 'Brightwater Analytics Talent Team')).toBe(true);
    expect(sameOrganization('Brightwater Analytics', 'Brightwaters Analytica')).toBe(false);
    expect(sameOrganization('Meridian Loop', 'Meridian Loopback Networks')).toBe(false);
  });

  it('keys streets by house number and first word', () => {
    expect(streetKey('1700 Lincoln Street, Suite 2100')).toBe('1700 lincoln');
    expect(streetKey('1700 Lincoln St.')).toBe('1700 lincoln');
    expect(streetKey('P.O. Box 4471')).toBe('po box 4471');
    expect(streetKey('PO Box 4471')).toBe('po box 4471');
  });
});

describe('compareElement', () => {
  it('needs the status to match even when the value does', () => {
    const r = compareElement('hours_per_week', { status: 'present', value: { min: 0, max: 20 } }, { status: 'invalid', value: { min: 0, max: 20 } });
    expect(r).toMatchObject({ ok: false, statusOk: false, valueOk: true });
    expect(r.reason).toContain('status invalid instead of present');
  });

  it('compares names ignoring case, accents and punctuation', () => {
    expect(compareElement('student_name', { status: 'present', value: 'José A. Núñez' }, { status: 'present', value: 'JOSE A NUNEZ' }).ok).toBe(true);
    expect(compareElement('student_name', { status: 'present', value: 'José A. Núñez' }, { status: 'present', value: 'José Núñez' }).ok).toBe(false);
  });

  it('compares hours and pay exactly', () => {
    expect(compareElement('hours_per_week', { status: 'present', value: { min: 15, max: 20 } }, { status: 'present', value: { min: 15, max: 20 } }).ok).toBe(true);
    expect(compareElement('hours_per_week', { status: 'present', value: { min: 15, max: 20 } }, { status: 'present', value: { min: 20, max: 20 } }).ok).toBe(false);
    const pay = { amount: 32.5, amountMax: null, currency: 'USD', per: 'hour' as const };
    expect(compareElement('compensation', { status: 'present', value: pay }, { status: 'present', value: { ...pay } }).ok).toBe(true);
    const wrong = compareElement('compensation', { status: 'present', value: pay }, { status: 'present', value: { ...pay, per: 'week' } });
    expect(wrong.reason).toBe('per differs');
  });

  it('compares work locations on mode, city, state, zip and the street key', () => {
    const expected = { mode: 'onsite' as const, street: '1700 Lincoln Street, Suite 2100', city: 'Denver', state: 'CO', zip: '80202' };
    expect(compareElement('work_location', { status: 'present', value: expected }, { status: 'present', value: { ...expected, street: '1700 Lincoln St' } }).ok).toBe(true);
    const r = compareElement('work_location', { status: 'present', value: expected }, { status: 'present', value: { ...expected, city: 'Boulder', zip: '80302' } });
    expect(r.reason).toBe('city, zip differ');
    const remote = { mode: 'remote' as const, street: null, city: null, state: null, zip: null };
    expect(compareElement('work_location', { status: 'present', value: remote }, { status: 'present', value: { ...remote } }).ok).toBe(true);
  });

  it('accepts any non-empty duties list', () => {
    expect(compareElement('duties', { status: 'present', value: ['a', 'b'] }, { status: 'present', value: ['Build things'] }).ok).toBe(true);
    expect(compareElement('duties', { status: 'present', value: ['a'] }, { status: 'present', value: [] }).ok).toBe(false);
  });

  it('checks the letterhead kind, organization and sender', () => {
    const expected = { kind: 'email' as const, organization: 'Quillstone Software', sender: 'hr@quillstone.io' };
    expect(compareElement('letterhead', { status: 'present', value: expected }, { status: 'present', value: { kind: 'email', organization: 'Quillstone Software LLC', sender: 'HR@quillstone.io' } }).ok).toBe(true);
    expect(compareElement('letterhead', { status: 'present', value: expected }, { status: 'present', value: { kind: 'letterhead', organization: 'Quillstone Software', sender: null } }).reason).toBe('kind letterhead instead of email');
  });

  it('ignores the value of an element expected missing, and needs one for an invalid one', () => {
    expect(compareElement('end_date', { status: 'missing', value: null }, { status: 'missing', value: null }).ok).toBe(true);
    const poBox = { mode: 'onsite' as const, street: 'PO Box 4471', city: 'Austin', state: 'TX', zip: '78701' };
    expect(compareElement('work_location', { status: 'invalid', value: poBox }, { status: 'invalid', value: null }).reason).toBe('no value');
  });

  it('reports an element the report does not have', () => {
    expect(compareElement('supervisor', { status: 'missing', value: null }, undefined).ok).toBe(false);
  });

  it('treats supervisor title and phone as optional extras', () => {
    const expected = { name: 'Dana Kim', title: 'Engineering Manager', email: 'dana.kim@x.com', phone: '(312) 555-0142' };
    expect(compareElement('supervisor', { status: 'present', value: expected }, { status: 'present', value: { name: 'Dana Kim', title: null, email: 'dana.kim@x.com', phone: null } }).ok).toBe(true);
    expect(compareElement('supervisor', { status: 'present', value: expected }, { status: 'present', value: { ...expected, phone: '312-555-0199' } }).reason).toBe('phone differs');
  });
});
