import { SelectField } from '../../components/ui/select-field';
import { useAcrossSources } from './use-across-nodes';

/**
 * Picks the container "Across nodes" starts from (`?from=`): those on an overlay with something on
 * another node. Not shown off a swarm. A name in the address that no longer has anything there
 * keeps a line of its own, saying so.
 */
export function AcrossFromPicker({ value, onChange }: { value: string | null; onChange: (name: string) => void }) {
  const sources = useAcrossSources();
  if (sources.length === 0) return null;
  const options = [
    { value: '', label: '— pick a container —' },
    ...sources.map((name) => ({ value: name, label: name })),
    ...(value && !sources.includes(value) ? [{ value, label: `${value} (nothing on other nodes)` }] : []),
  ];
  return (
    <SelectField
      id="reach-across-from"
      label="Across nodes from"
      className="w-64"
      value={value ?? ''}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
