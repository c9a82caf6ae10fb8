import { describe, expect, it } from 'vitest';
import { checkGrantForm, emptyGrantForm, fieldOfRefusal, grantBodyOf, type GrantForm } from './grant-form';

const form = (change: Partial<GrantForm>): GrantForm => ({ ...emptyGrantForm('local'), subjectName: 'pat', ...change });

describe('checkGrantForm', () => {
  it('passes a complete form of each scope', () => {
    expect(checkGrantForm(form({ label: 'team=payments' }))).toEqual({});
    expect(checkGrantForm(form({ scopeKind: 'name', pattern: 'payments-*' }))).toEqual({});
    expect(checkGrantForm(form({ scopeKind: 'engine' }))).toEqual({});
    expect(checkGrantForm(form({ scopeKind: 'all', engine: '' }))).toEqual({});
  });

  it('names each missing or malformed field', () => {
    expect(checkGrantForm(form({ subjectName: ' ', label: 'team=payments' }))).toEqual({ subjectName: 'Pick the user the grant is for' });
    expect(checkGrantForm(form({ subjectKind: 'group', subjectName: 'a,b', label: 'team=payments' })).subjectName).toMatch(/commas/);
    expect(checkGrantForm(form({ label: 'payments' })).label).toMatch(/key=value/);
    expect(checkGrantForm(form({ label: '=payments' })).label).toMatch(/key=value/);
    expect(checkGrantForm(form({ scopeKind: 'name', pattern: 'pay ments' })).pattern).toMatch(/\*/);
    expect(checkGrantForm(form({ scopeKind: 'engine', engine: '' })).engine).toBe('Pick an engine');
  });

  it('checks only the fields of the scope picked', () => {
    expect(checkGrantForm(form({ scopeKind: 'engine', label: 'not a label', pattern: '' }))).toEqual({});
  });
});

describe('grantBodyOf', () => {
  it('sends the scope picked, with only its own fields', () => {
    expect(grantBodyOf(form({ label: ' team=payments ', pattern: 'x-*' }))).toEqual({
      subject: { kind: 'user', name: 'pat' },
      role: 'operator',
      scope: { kind: 'label', engine: 'local', label: 'team=payments' },
    });
    expect(grantBodyOf(form({ scopeKind: 'name', pattern: 'payments-*' })).scope).toEqual({
      kind: 'name',
      engine: 'local',
      pattern: 'payments-*',
    });
    expect(grantBodyOf(form({ scopeKind: 'all' })).scope).toEqual({ kind: 'all' });
    expect(grantBodyOf(form({ subjectKind: 'token', subjectName: '0123456789abcdef', role: 'viewer', scopeKind: 'engine' }))).toEqual({
      subject: { kind: 'token', name: '0123456789abcdef' },
      role: 'viewer',
      scope: { kind: 'engine', engine: 'local' },
    });
  });
});

describe('fieldOfRefusal', () => {
  it('puts the server’s refusal beside the field it names', () => {
    expect(fieldOfRefusal("body/subject/name: no user 'pat'", form({}))).toBe('subjectName');
    expect(fieldOfRefusal("body/scope/engine: no engine 'prod'", form({}))).toBe('engine');
    expect(fieldOfRefusal('body/scope/label must match pattern "^…$"', form({}))).toBe('label');
    expect(fieldOfRefusal("body/scope has an unknown field 'pattern'", form({ scopeKind: 'name' }))).toBe('pattern');
    expect(fieldOfRefusal('body/role must be equal to constant', form({}))).toBe('role');
  });

  it('leaves what no field holds to the form as a whole', () => {
    expect(fieldOfRefusal('header x-csrf-token is missing or wrong', form({}))).toBeNull();
    expect(fieldOfRefusal("body/scope has an unknown field 'engine'", form({ scopeKind: 'all' }))).toBeNull();
  });
});
