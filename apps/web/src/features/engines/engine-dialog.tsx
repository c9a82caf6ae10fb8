import { useState, type SubmitEvent } from 'react';
import type { EngineSummary } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { FormFooter } from '../../components/ui/form-footer';
import { TextArea } from '../../components/ui/text-area';
import { checkEngineForm, emptyEngineForm, engineBodyOf, engineUpdateOf, formOf, schemeOf, type EngineForm } from './engine-form';
import { useAddEngine, useTestEngine, useUpdateEngine } from './use-engine-mutations';

/**
 * Where, then how to sign in (by the scheme), a Test that asks the engine, and Add (or Save, when
 * `editing`: the id stays, keys left blank stay as stored). Mounted only while open: nothing typed outlives it.
 */
function EngineFormView({ editing, onClose }: { editing: EngineSummary | null; onClose: () => void }) {
  const add = useAddEngine();
  const update = useUpdateEngine();
  const save = editing ? update : add;
  const test = useTestEngine();
  const [form, setForm] = useState<EngineForm>(editing ? formOf(editing) : emptyEngineForm);
  const [tried, setTried] = useState(false);
  const [testing, setTesting] = useState(false);
  const problems = tried ? checkEngineForm(form, editing !== null, testing) : {};
  const scheme = schemeOf(form.host);
  const set = (field: keyof EngineForm) => (e: { target: { value: string } }) => {
    setForm((old) => ({ ...old, [field]: e.target.value }));
    test.reset();
  };
  const valid = (forTest = false) => {
    setTried(true);
    setTesting(forTest);
    return Object.keys(checkEngineForm(form, editing !== null, forTest)).length === 0;
  };
  // An ssh:// engine tested without a host key answers the key it showed: it fills the field, for
  // the admin to compare its fingerprint with the engine's own (out of band) before adding it.
  const runTest = () => {
    if (!valid(true)) return;
    test.mutate(engineBodyOf(form), {
      onSuccess: (answer) => {
        const seen = answer.hostKey?.key;
        if (seen) setForm((old) => (old.hostKey.trim() === '' ? { ...old, hostKey: seen } : old));
      },
    });
  };
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!valid()) return;
    if (editing) update.mutate({ id: editing.id, body: engineUpdateOf(form) }, { onSuccess: onClose });
    else add.mutate(engineBodyOf(form), { onSuccess: onClose });
  };
  const keyHint = editing ? 'leave empty to keep the stored one' : 'kept encrypted on the server, never shown again';
  const pinned = editing?.endpoint.hostKey;
  const hostKeyHint = pinned
    ? `pinned: ${pinned}; leave empty to keep it (a new host needs its own)`
    : "the engine's public host key (ssh-keyscan, or its /etc/ssh/ssh_host_ed25519_key.pub); Test shows the one it presents";
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        id="engine-id"
        label="Id"
        hint="in links and the audit trail: prod-1, staging"
        value={form.id}
        error={problems.id}
        onChange={set('id')}
        autoComplete="off"
        disabled={editing !== null}
        data-autofocus
      />
      <Field id="engine-name" label="Name (optional)" value={form.name} onChange={set('name')} autoComplete="off" />
      <Field
        id="engine-host"
        label="Host"
        hint="as DOCKER_HOST says it: unix:///var/run/docker.sock, tcp://10.0.0.5:2376, ssh://ops@host"
        value={form.host}
        error={problems.host}
        onChange={set('host')}
        autoComplete="off"
      />
      {scheme === 'tcp' && (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <legend className="px-1 text-xs text-slate-500">TLS (leave empty for plain tcp://, which anyone on the path can drive)</legend>
          <TextArea id="engine-ca" label="CA certificate (ca.pem)" value={form.ca} error={problems.ca} onChange={set('ca')} />
          <TextArea id="engine-cert" label="Client certificate (cert.pem)" value={form.cert} error={problems.cert} onChange={set('cert')} />
          <TextArea
            id="engine-key"
            label="Client key (key.pem)"
            hint={keyHint}
            value={form.key}
            error={problems.key}
            onChange={set('key')}
          />
        </fieldset>
      )}
      {scheme === 'ssh' && (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <legend className="px-1 text-xs text-slate-500">SSH (the remote user runs `docker system dial-stdio`)</legend>
          <TextArea
            id="engine-ssh-key"
            label="Private key"
            hint={keyHint}
            value={form.sshKey}
            error={problems.sshKey}
            onChange={set('sshKey')}
          />
          <Field
            id="engine-passphrase"
            label="Passphrase (optional)"
            type="password"
            value={form.passphrase}
            onChange={set('passphrase')}
            autoComplete="off"
          />
          <Field
            id="engine-host-key"
            label="Host key"
            hint={hostKeyHint}
            placeholder="ssh-ed25519 AAAA…"
            value={form.hostKey}
            error={problems.hostKey}
            onChange={set('hostKey')}
            autoComplete="off"
            spellCheck={false}
          />
        </fieldset>
      )}
      <div className="flex items-center gap-2 text-sm">
        <Button onClick={runTest} disabled={test.isPending}>
          Test
        </Button>
        {test.isPending && <span className="text-slate-500">asking the engine…</span>}
        {test.data && (
          <span
            role="status"
            data-engine-test={test.data.reachable ? 'reachable' : 'unreachable'}
            className={test.data.reachable ? 'text-emerald-600' : 'text-rose-600'}
          >
            {test.data.reachable
              ? `answers: Docker ${test.data.version ?? '?'} (API ${test.data.apiVersion ?? '?'}), ${Math.round(test.data.ms)} ms`
              : `does not answer: ${test.data.error ?? 'no reason given'}`}
          </span>
        )}
        {test.data?.hostKey && (
          <span data-engine-host-key={test.data.hostKey.fingerprint} className="text-slate-600 dark:text-slate-300">
            host key shown: <code className="font-mono">{test.data.hostKey.fingerprint}</code>. Pin it only if{' '}
            <code className="font-mono">ssh-keygen -lf</code> of the engine&apos;s host key says the same.
          </span>
        )}
        {test.error && (
          <span role="alert" className="text-rose-600">
            {test.error.message}
          </span>
        )}
      </div>
      <FormFooter error={save.error} pending={save.isPending} submit={editing ? 'Save engine' : 'Add engine'} onCancel={onClose} />
    </form>
  );
}

/** Adds an engine, or edits `editing` (one an admin added). */
export function EngineDialog({ open, editing = null, onClose }: { open: boolean; editing?: EngineSummary | null; onClose: () => void }) {
  return (
    <Dialog open={open} title={editing ? `Edit ${editing.id}` : 'Add an engine'} onClose={onClose}>
      {open && <EngineFormView key={editing?.id ?? ''} editing={editing} onClose={onClose} />}
    </Dialog>
  );
}
