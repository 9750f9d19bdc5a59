type QueryLike = { isPending: boolean; error: { message: string } | null };

/** What a page shows while its data loads or when loading failed. */
export function QueryState({ query }: { query: QueryLike }) {
  if (query.error) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {query.error.message}
      </p>
    );
  }
  return <p className="text-muted">Loading…</p>;
}
