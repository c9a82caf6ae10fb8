import { useState, type SubmitEvent } from 'react';
import { AUDIT_ACTIONS, AUDIT_RESULTS } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { TEXT_FILTERS, type AuditFilters } from './audit-filters';

const LABELS = { user: 'User', network: 'Network', container: 'Container' } as const;
const ANY = { value: '', label: 'any' };

/**
 * The filters. The server matches names exactly, so text filters apply on Enter (or "Filter"),
 * not per keystroke; the lists apply at once. `suggestions` fills each text field's datalist.
 */
export function AuditFilterBar({
  filters,
  suggestions,
  onChange,
}: {
  filters: AuditFilters;
  suggestions: Record<(typeof TEXT_FILTERS)[number], string[]>;
  onChange: (filters: AuditFilters) => void;
}) {
  const [text, setText] = useState(() => ({
    user: filters.user ?? '',
    network: filters.network ?? '',
    container: filters.container ?? '',
  }));
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onChange({ ...filters, user: text.user.trim(), network: text.network.trim(), container: text.container.trim() });
  };
  const active = Object.values(filters).some(Boolean);
  return (
    <form onSubmit={submit} aria-label="Filter the activity" className="flex flex-wrap items-end gap-3">
      {TEXT_FILTERS.map((key) => (
        <div key={key} className="w-44">
          <Field
            id={`audit-filter-${key}`}
            label={LABELS[key]}
            list={`audit-filter-${key}-seen`}
            autoComplete="off"
            value={text[key]}
            onChange={(e) => setText((t) => ({ ...t, [key]: e.target.value }))}
          />
          <datalist id={`audit-filter-${key}-seen`}>
            {suggestions[key].map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </div>
      ))}
      <SelectField
        id="audit-filter-action"
        label="Action"
        className="w-44"
        value={filters.action ?? ''}
        options={[ANY, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))]}
        onChange={(e) => onChange({ ...filters, action: (e.target.value || undefined) as AuditFilters['action'] })}
      />
      <SelectField
        id="audit-filter-result"
        label="Result"
        className="w-32"
        value={filters.result ?? ''}
        options={[ANY, ...AUDIT_RESULTS.map((r) => ({ value: r, label: r }))]}
        onChange={(e) => onChange({ ...filters, result: (e.target.value || undefined) as AuditFilters['result'] })}
      />
      <Button type="submit" tone="primary">
        Filter
      </Button>
      {active && (
        <Button
          onClick={() => {
            setText({ user: '', network: '', container: '' });
            onChange({});
          }}
        >
          Clear filters
        </Button>
      )}
    </form>
  );
}
