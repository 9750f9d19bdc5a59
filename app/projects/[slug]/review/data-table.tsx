type Cell = string | number;

/** A plain, accessible table of figures: every chart's numbers are also available as one. */
export function DataTable({
  label,
  header,
  rows,
}: {
  label: string;
  header: string[];
  rows: Cell[][];
}) {
  if (rows.length === 0) return <p className="text-sm text-muted">Nothing to show yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-left text-sm tabular-nums">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            {header.map((cell) => (
              <th key={cell} scope="col" className="py-2 pr-4 font-medium">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-zinc-100 dark:border-zinc-900">
              {row.map((cell, c) => (
                <td key={c} className="py-1.5 pr-4">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
