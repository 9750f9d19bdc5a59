/**
 * The one row an `insert(...).values(row).returning(...)` (or an update of a row known to exist)
 * gives back. Awaited queries answer arrays on both databases; an empty one here means the
 * statement did not do what it was written for, which is a bug, not a case to handle.
 */
export function returnedRow<Row>(rows: readonly Row[]): Row {
  const [row] = rows;
  if (row === undefined) throw new Error("the statement returned no row");
  return row;
}
