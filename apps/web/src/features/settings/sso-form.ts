import type { OidcSettingsBody, OidcSettingsView, Role } from '@bridgeboard/contract';

/** The form's fields, as typed: scopes as one line, no role as ''. */
export interface SsoForm {
  issuer: string;
  clientId: string;
  /** Never filled from the server: empty keeps the stored one. */
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  usernameClaim: string;
  groupRoles: string;
  defaultRole: Role | '';
  label: string;
}

export type SsoFormErrors = Partial<Record<keyof SsoForm, string>>;

export function formOf(view: OidcSettingsView): SsoForm {
  return {
    issuer: view.issuer,
    clientId: view.clientId,
    clientSecret: '',
    scopes: view.scopes.join(' '),
    groupsClaim: view.groupsClaim,
    usernameClaim: view.usernameClaim,
    groupRoles: view.groupRoles,
    defaultRole: view.defaultRole ?? '',
    label: view.label,
  };
}

/**
 * What can be said before asking the server (which checks everything again, and asks the
 * provider): the body to send, or the fields to fix.
 */
export function bodyOf(form: SsoForm, secretSet: boolean): { body: OidcSettingsBody } | { errors: SsoFormErrors } {
  const errors: SsoFormErrors = {};
  const scopes = form.scopes.split(/[\s,]+/).filter(Boolean);
  if (!form.issuer.trim()) errors.issuer = "The provider's issuer URL, e.g. https://id.example.com/realms/ops";
  if (!form.clientId.trim()) errors.clientId = 'The client id registered with the provider';
  if (!form.clientSecret && !secretSet) errors.clientSecret = "The client's secret: none is stored yet";
  if (!scopes.includes('openid')) errors.scopes = 'Must include openid';
  if (!form.groupsClaim.trim()) errors.groupsClaim = 'The claim that holds the groups, e.g. groups';
  if (!form.usernameClaim.trim()) errors.usernameClaim = 'The claim that names the user, e.g. preferred_username';
  if (!form.groupRoles.trim() && form.defaultRole === '') errors.groupRoles = 'Map some group to a role, or pick a role for everyone else';
  if (!form.label.trim()) errors.label = "The sign-in button's text";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      issuer: form.issuer.trim(),
      clientId: form.clientId.trim(),
      ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      scopes,
      groupsClaim: form.groupsClaim.trim(),
      usernameClaim: form.usernameClaim.trim(),
      groupRoles: form.groupRoles.trim(),
      defaultRole: form.defaultRole === '' ? null : form.defaultRole,
      label: form.label.trim(),
    },
  };
}

const FIELDS: readonly string[] = [
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'groupsClaim',
  'usernameClaim',
  'groupRoles',
  'defaultRole',
  'label',
];

/**
 * The server names the field it refused (`body/clientSecret: the provider …`): the form shows the
 * rest of the message under that field; a message that names none is shown under the form.
 */
export function refusalOf(message: string): { field: keyof SsoForm | null; text: string } {
  const named = /^body\/(\w+)(?:\/\S*)?:?\s+(.*)$/s.exec(message);
  const [, field = '', text = ''] = named ?? [];
  return FIELDS.includes(field) ? { field: field as keyof SsoForm, text } : { field: null, text: message };
}
