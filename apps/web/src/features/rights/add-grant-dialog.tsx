import { useState, type SubmitEvent } from 'react';
import { describeScope } from '@bridgeboard/contract';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { FormFooter } from '../../components/ui/form-footer';
import { useEngines } from '../engines/engines-query';
import { serverMessage } from '../networks/server-message';
import { RoleField } from '../users/role-field';
import { checkGrantForm, emptyGrantForm, fieldOfRefusal, grantBodyOf, type GrantForm } from './grant-form';
import { Picker } from './picker';
import { SCOPE_OPTIONS, SUBJECT_OPTIONS } from './scope-options';
import { SubjectField } from './subject-field';
import { useCreateGrant } from './use-create-grant';

/** Mounted only while open, so each opening starts empty. */
function AddGrantForm({ onClose }: { onClose: () => void }) {
  const create = useCreateGrant();
  const engines = useEngines().data ?? [];
  const [form, setForm] = useState<GrantForm>(() => emptyGrantForm(engines[0]?.id ?? ''));
  const [tried, setTried] = useState(false);
  const change = (next: Partial<GrantForm>) => {
    // A refusal was about what was sent; once the form changes it no longer is.
    create.reset();
    setForm((old) => ({ ...old, ...next }));
  };
  const errors = tried ? checkGrantForm(form) : {};
  const refusal = create.error ? serverMessage(create.error) : null;
  const refusedField = refusal ? fieldOfRefusal(refusal, form) : null;
  if (refusal && refusedField) errors[refusedField] ??= refusal;
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(checkGrantForm(form)).length > 0) return;
    create.mutate(grantBodyOf(form), { onSuccess: onClose });
  };
  const engineOptions = [
    { value: '', label: '— pick an engine —' },
    ...engines.map((e) => ({ value: e.id, label: e.name === e.id ? e.id : `${e.name} (${e.id})` })),
  ];
  return (
    <form onSubmit={submit} noValidate aria-label="Add a grant" className="space-y-3">
      <div className="grid grid-cols-[10rem_1fr] gap-3">
        <Picker
          id="grant-subject-kind"
          label="For a"
          value={form.subjectKind}
          options={SUBJECT_OPTIONS}
          onChange={(e) => change({ subjectKind: e.target.value as GrantForm['subjectKind'], subjectName: '' })}
          data-autofocus
        />
        <SubjectField
          kind={form.subjectKind}
          name={form.subjectName}
          error={errors.subjectName}
          onChange={(subjectName) => change({ subjectName })}
        />
      </div>
      <RoleField id="grant-role" role={form.role} onChange={(role) => change({ role })} />
      {errors.role && (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {errors.role}
        </p>
      )}
      <div className="grid grid-cols-2 gap-3">
        <Picker
          id="grant-scope-kind"
          label="Over"
          value={form.scopeKind}
          options={SCOPE_OPTIONS}
          onChange={(e) => change({ scopeKind: e.target.value as GrantForm['scopeKind'] })}
        />
        {form.scopeKind !== 'all' && (
          <Picker
            id="grant-engine"
            label="Engine"
            value={form.engine}
            options={engineOptions}
            error={errors.engine}
            onChange={(e) => change({ engine: e.target.value })}
          />
        )}
      </div>
      {form.scopeKind === 'label' && (
        <Field
          id="grant-label"
          label="Label"
          placeholder="team=payments"
          hint="key=value: the networks that carry this label"
          autoComplete="off"
          value={form.label}
          error={errors.label}
          onChange={(e) => change({ label: e.target.value })}
        />
      )}
      {form.scopeKind === 'name' && (
        <Field
          id="grant-pattern"
          label="Name pattern"
          placeholder="payments-*"
          hint="* stands for any run of characters"
          autoComplete="off"
          value={form.pattern}
          error={errors.pattern}
          onChange={(e) => change({ pattern: e.target.value })}
        />
      )}
      {Object.keys(checkGrantForm(form)).length === 0 && (
        <p className="rounded-md bg-slate-100 px-2 py-1.5 text-sm dark:bg-slate-800" data-grant-preview>
          {form.subjectKind} <b>{form.subjectName.trim()}</b> gets <b>{form.role}</b> on {describeScope(grantBodyOf(form).scope)}
        </p>
      )}
      <FormFooter error={refusal && !refusedField ? create.error : null} pending={create.isPending} submit="Add grant" onCancel={onClose} />
    </form>
  );
}

export function AddGrantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Add a grant" onClose={onClose}>
      <AddGrantForm onClose={onClose} />
    </Dialog>
  );
}
