import {
  GROUP_NAME_PATTERN,
  LABEL_SELECTOR_PATTERN,
  NETWORK_NAME_GLOB_PATTERN,
  type GrantCreateBody,
  type GrantScope,
  type GrantSubjectKind,
  type Role,
} from '@bridgeboard/contract';

export type ScopeKind = GrantScope['kind'];

/** The Add grant form as typed: every field kept, whichever kinds are picked, so that switching back loses nothing. */
export interface GrantForm {
  subjectKind: GrantSubjectKind;
  subjectName: string;
  role: Role;
  scopeKind: ScopeKind;
  engine: string;
  label: string;
  pattern: string;
}

export type GrantField = 'subjectName' | 'role' | 'engine' | 'label' | 'pattern';
export type GrantFormErrors = Partial<Record<GrantField, string>>;

export const emptyGrantForm = (engine: string): GrantForm => ({
  subjectKind: 'user',
  subjectName: '',
  role: 'operator',
  scopeKind: 'label',
  engine,
  label: '',
  pattern: '',
});

const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);

/** What the server would refuse, said before asking it (the contract's own patterns). */
export function checkGrantForm(form: GrantForm): GrantFormErrors {
  const errors: GrantFormErrors = {};
  const name = form.subjectName.trim();
  if (name === '') errors.subjectName = `Pick the ${form.subjectKind} the grant is for`;
  else if (!matches(GROUP_NAME_PATTERN, name)) errors.subjectName = 'No commas, and no space at the start';
  if (form.scopeKind !== 'all' && form.engine === '') errors.engine = 'Pick an engine';
  if (form.scopeKind === 'label' && !matches(LABEL_SELECTOR_PATTERN, form.label.trim()))
    errors.label = 'A label as key=value, like team=payments';
  if (form.scopeKind === 'name' && !matches(NETWORK_NAME_GLOB_PATTERN, form.pattern.trim()))
    errors.pattern = 'A network name where * stands for any run of characters, like payments-*';
  return errors;
}

function scopeOf(form: GrantForm): GrantScope {
  switch (form.scopeKind) {
    case 'all':
      return { kind: 'all' };
    case 'engine':
      return { kind: 'engine', engine: form.engine };
    case 'label':
      return { kind: 'label', engine: form.engine, label: form.label.trim() };
    case 'name':
      return { kind: 'name', engine: form.engine, pattern: form.pattern.trim() };
  }
}

export const grantBodyOf = (form: GrantForm): GrantCreateBody => ({
  subject: { kind: form.subjectKind, name: form.subjectName.trim() },
  role: form.role,
  scope: scopeOf(form),
});

/** The field the scope's own value is typed in: the engine's, or the label's or pattern's. */
const scopeField = (kind: ScopeKind): GrantField | null =>
  kind === 'label' ? 'label' : kind === 'name' ? 'pattern' : kind === 'engine' ? 'engine' : null;

/**
 * The field a refusal names (`body/scope/engine: no engine 'x'`, `body/subject/name: no user 'x'`),
 * so that the form shows it there; null for what no field holds. A scope is one of several shapes:
 * a refusal of the scope as a whole is the field of the shape picked.
 */
export function fieldOfRefusal(message: string, form: GrantForm): GrantField | null {
  const path = /^body\/([a-z/]+)/.exec(message)?.[1];
  if (path === undefined) return null;
  if (path.startsWith('subject')) return 'subjectName';
  if (path === 'role') return 'role';
  if (path === 'scope/engine') return form.scopeKind === 'all' ? null : 'engine';
  if (path.startsWith('scope')) return scopeField(form.scopeKind);
  return null;
}
