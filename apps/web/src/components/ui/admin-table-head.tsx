/**
 * The header row of the admin pages' tables (users, tokens, engines, grants): the named columns,
 * then the row actions' column, named for screen readers only.
 */
export function AdminTableHead({ columns, cell }: { columns: readonly string[]; cell: string }) {
  return (
    <thead className="text-xs uppercase tracking-wide text-slate-500">
      <tr className="border-b border-slate-200 dark:border-slate-700">
        {columns.map((column) => (
          <th key={column} className={cell}>
            {column}
          </th>
        ))}
        <th className={cell}>
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
