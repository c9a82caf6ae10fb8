import type { AddressPolicy } from '@bridgeboard/topology';

const CHOICES: readonly { value: AddressPolicy; label: string; hint: string }[] = [
  {
    value: 'map',
    label: 'Move addresses to the same host number in the new subnet',
    hint: 'The host part stays: .5 in the old subnet is .5 in the new one. The table below shows each move',
  },
  { value: 'refuse', label: 'Refuse', hint: 'No address moves: the plan cannot run while one falls outside' },
];

/** What to do with addresses outside the new subnet; each change asks for a new plan. */
export function AddressChoice({
  value,
  onChange,
  disabled,
}: {
  value: AddressPolicy;
  onChange: (v: AddressPolicy) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-700" disabled={disabled}>
      <legend className="px-1 font-semibold">Addresses outside the new subnet</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="flex items-start gap-2 py-0.5">
          <input
            type="radio"
            name="edit-addresses"
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            className="mt-1 accent-sky-600"
          />
          <span>
            {c.label}
            <span className="block text-xs text-slate-500 dark:text-slate-400">{c.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
