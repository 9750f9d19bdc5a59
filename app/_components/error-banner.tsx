/** A refused change, shown where the user is looking until they dismiss it. */
export function ErrorBanner({
  message,
  onDismiss,
}: {
  message: string | null;
  onDismiss: () => void;
}) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
      <button type="button" onClick={onDismiss} className="ml-3 underline">
        Dismiss
      </button>
    </p>
  );
}
