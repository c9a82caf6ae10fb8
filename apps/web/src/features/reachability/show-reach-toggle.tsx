/** The board toolbar's switch for the "reach from" view. */
export function ShowReachToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-sm" title="Select a container to see whom it reaches, and how">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4" />
      Show reachability
    </label>
  );
}
