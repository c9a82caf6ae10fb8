import { useState, type SubmitEvent } from 'react';
import type { OidcSettingsView } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { CopyButton } from '../../components/ui/copy-button';
import { Field } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { bodyOf, formOf, refusalOf, type SsoForm, type SsoFormErrors } from './sso-form';
import { useSsoSettings } from './sso-settings-query';
import { useSaveSso } from './use-save-sso';
import { useTurnOffSso } from './use-turn-off-sso';

const DEFAULT_ROLE_OPTIONS = [
  { value: '', label: 'none: refuse users in no mapped group' },
  { value: 'viewer', label: 'viewer' },
  { value: 'operator', label: 'operator' },
  { value: 'admin', label: 'admin' },
];

/**
 * Single sign-on's provider (issue 15): set here unless the server's environment sets it
 * (OIDC_ISSUER wins). The client secret is write-only: the server never sends it back.
 */
export function SsoSetting() {
  const sso = useSsoSettings();
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-setting="sso">
      <h3 className="text-sm font-medium">
        Single sign-on{' '}
        <span className="font-normal text-slate-500" data-testid="sso-state">
          {sso.data ? (sso.data.source === null ? 'off' : `on: “${sso.data.label}” on the sign-in page`) : ''}
        </span>
      </h3>
      {sso.error && (
        <p role="alert" className="text-sm text-rose-600">
          Could not load the single sign-on settings: {sso.error.message}
        </p>
      )}
      {sso.data?.source === 'environment' && <FromEnvironment view={sso.data} />}
      {/* Keyed on the server's answer: after a save the form starts again from what is stored (the secret field empty). */}
      {sso.data && sso.data.source !== 'environment' && <SsoEditor key={JSON.stringify(sso.data)} view={sso.data} />}
    </div>
  );
}

function FromEnvironment({ view }: { view: OidcSettingsView }) {
  const rows: [string, string][] = [
    ['Issuer', view.issuer],
    ['Client id', view.clientId],
    ['Scopes', view.scopes.join(' ')],
    ['Groups claim', view.groupsClaim],
    ['User name claim', view.usernameClaim],
    ['Group roles', view.groupRoles || '—'],
    ['Role of everyone else', view.defaultRole ?? 'none (refused)'],
    ['Button', view.label],
  ];
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-500">
        Configured by the server's environment (<code>OIDC_*</code>), which wins over this page: change it there.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function SsoEditor({ view }: { view: OidcSettingsView }) {
  const save = useSaveSso();
  const turnOff = useTurnOffSso();
  const [form, setForm] = useState<SsoForm>(() => formOf(view));
  const [errors, setErrors] = useState<SsoFormErrors>({});
  const [confirming, setConfirming] = useState(false);
  const set = (field: keyof SsoForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const refusal = save.error ? refusalOf(save.error.message) : null;
  const errorOf = (field: keyof SsoForm) => errors[field] ?? (refusal?.field === field ? refusal.text : undefined);
  /** A field's value, its error (the form's own check, else the server's refusal naming it) and its change. */
  const bind = (field: keyof SsoForm) => ({ value: form[field], error: errorOf(field), onChange: set(field) });
  const cannotSave = !view.secretKeySet || view.redirectUri === null;

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = bodyOf(form, view.secretSet);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.body);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Single sign-on">
      <p className="text-sm text-slate-500">
        Users sign in with the team's OpenID Connect provider (Keycloak, Authentik, Dex…); local accounts keep working. Saving tries the
        provider first: nothing changes unless it answers.
      </p>
      {!view.secretKeySet && (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
          The server keeps the client secret only encrypted: start it with <code>BRIDGEBOARD_SECRET_KEY</code> set to save a provider.
        </p>
      )}
      {view.redirectUri === null ? (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
          Single sign-on needs <code>PUBLIC_URL</code>: the provider sends users back to its callback. Start the server with it set.
        </p>
      ) : (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Register this redirect URI with the provider: <code className="break-all">{view.redirectUri}</code>
          <CopyButton text={view.redirectUri} />
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="sso-issuer" label="Issuer URL" placeholder="https://id.example.com/realms/ops" {...bind('issuer')} />
        <Field id="sso-client-id" label="Client id" autoComplete="off" {...bind('clientId')} />
        <Field
          id="sso-client-secret"
          label="Client secret"
          type="password"
          autoComplete="new-password"
          placeholder={view.secretSet ? 'set — leave empty to keep' : ''}
          hint={view.secretSet ? 'never shown again: type a new one to replace it' : 'kept encrypted, never shown again'}
          {...bind('clientSecret')}
        />
        <Field id="sso-scopes" label="Scopes" {...bind('scopes')} />
        <Field id="sso-groups-claim" label="Groups claim" {...bind('groupsClaim')} />
        <Field id="sso-username-claim" label="User name claim" {...bind('usernameClaim')} />
        <Field
          id="sso-group-roles"
          label="Group roles"
          placeholder="bb-admins=admin,ops=operator,ops@staging=operator"
          hint="group=role or group@engine=role, comma-separated"
          {...bind('groupRoles')}
        />
        <SelectField
          id="sso-default-role"
          label="Role of users in no mapped group"
          options={DEFAULT_ROLE_OPTIONS}
          value={form.defaultRole}
          onChange={set('defaultRole')}
        />
        <Field id="sso-label" label="Button text" {...bind('label')} />
      </div>
      {refusal?.field === null && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {refusal.text}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {view.source === 'admin' && (
          <Button tone="danger" onClick={() => setConfirming(true)} disabled={turnOff.isPending}>
            Turn off
          </Button>
        )}
        <Button type="submit" tone="primary" disabled={save.isPending || cannotSave}>
          {save.isPending ? 'Checking with the provider…' : 'Save'}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Turn single sign-on off?"
        confirmLabel="Turn off"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          turnOff.mutate();
        }}
      >
        The sign-in page stops offering the provider and its settings, secret included, are forgotten. Accounts it made stay; sessions
        already open stay until they end.
      </ConfirmDialog>
    </form>
  );
}
