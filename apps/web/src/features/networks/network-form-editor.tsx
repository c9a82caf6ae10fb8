import { useMemo, useState, type SubmitEvent } from 'react';
import type { NetworkCreateBody } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { AddressingFields } from './addressing-fields';
import { checkForm } from './check-form';
import { DriverOptions } from './driver-options';
import { CheckField, SelectField } from './choice-controls';
import { LinesField, TextField } from './form-controls';
import { formToBody } from './form-to-body';
import { FIELD_IDS, type FieldKey, type FormErrors, type NetworkForm, type SetField } from './network-form';

const DRIVERS: readonly { value: NetworkForm['driver']; label: string }[] = [
  { value: 'bridge', label: 'bridge' },
  { value: 'macvlan', label: 'macvlan' },
  { value: 'ipvlan', label: 'ipvlan' },
];
const ORDER = Object.keys(FIELD_IDS) as FieldKey[];

export interface NetworkFormEditorProps {
  /** What the fields start with: empty for a new network, the network as it is for an edit. */
  initial: NetworkForm;
  submitLabel: string;
  /** Said next to the buttons while the request runs. */
  pendingText: string;
  pending: boolean;
  /** The server's answer to the last submit, shown under the fields. */
  serverError: string | null;
  /** Called with a form that passed every check: its body, and the form itself (to start from again). */
  onSubmit: (body: NetworkCreateBody, form: NetworkForm) => void;
  onCancel: () => void;
}

/**
 * The network form, checked on every keystroke with the server's own rules. A field's error shows
 * once the user has typed in it, or after a submit attempt; submit is refused while any error
 * remains. "New network" creates from it; "Edit network" plans from it.
 */
export function NetworkFormEditor({ initial, submitLabel, pendingText, pending, serverError, onSubmit, onCancel }: NetworkFormEditorProps) {
  const [form, setForm] = useState<NetworkForm>(initial);
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const errors = useMemo(() => checkForm(form), [form]);
  const shown: FormErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => submitted || touched.has(k as FieldKey)));

  const set: SetField = (key, value) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  };

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const firstBad = ORDER.find((k) => errors[k] !== undefined);
    if (firstBad) {
      document.getElementById(FIELD_IDS[firstBad])?.focus();
      return;
    }
    onSubmit(formToBody(form).body, form);
  };

  return (
    <form noValidate onSubmit={submit} aria-describedby={serverError ? 'network-server-error' : undefined}>
      <fieldset disabled={pending} className="min-w-0 space-y-3 disabled:opacity-60">
        <div className="grid grid-cols-[1fr_8rem] gap-3">
          <TextField
            id={FIELD_IDS.name}
            label="Name"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="e.g. backend"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            error={shown.name}
          />
          <SelectField id={FIELD_IDS.driver} label="Driver" value={form.driver} options={DRIVERS} onChange={(v) => set('driver', v)} />
        </div>
        <AddressingFields form={form} errors={shown} set={set} />
        <div className="grid grid-cols-2 gap-3">
          <CheckField
            id={FIELD_IDS.internal}
            label="Internal"
            checked={form.internal}
            onChange={(v) => set('internal', v)}
            hint="No route out: containers reach each other, not the outside world"
          />
          <CheckField
            id={FIELD_IDS.attachable}
            label="Attachable"
            checked={form.attachable}
            onChange={(v) => set('attachable', v)}
            hint="Standalone containers may connect by hand"
          />
        </div>
        <DriverOptions form={form} errors={shown} set={set} />
        <LinesField
          id={FIELD_IDS.labels}
          label="Labels"
          value={form.labels}
          onChange={(v) => set('labels', v)}
          placeholder={'com.example.team=payments\nenv=staging'}
          hint="key=value per line"
          error={shown.labels}
        />
      </fieldset>
      {shown.form && <p className="mt-3 text-xs text-rose-600 dark:text-rose-400">{shown.form}</p>}
      {serverError && (
        <div
          id="network-server-error"
          role="alert"
          className="mt-3 rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-200"
        >
          {serverError}
        </div>
      )}
      <div className="mt-4 flex items-center justify-end gap-2">
        <span role="status" className="mr-auto text-xs text-slate-500 dark:text-slate-400">
          {pending ? pendingText : ''}
        </span>
        <Button onClick={onCancel}>Cancel</Button>
        <Button tone="primary" type="submit" disabled={pending || Object.keys(shown).length > 0} aria-busy={pending}>
          {pending && (
            <span
              aria-hidden
              className="mr-1.5 inline-block h-3 w-3 animate-spin rounded-full border-2 border-white/40 border-t-white align-[-1px]"
            />
          )}
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
