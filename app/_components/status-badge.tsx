const looks = {
  not_started: {
    text: "Not started",
    className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  },
  in_progress: {
    text: "In progress",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  },
  curated: {
    text: "Curated",
    className: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  },
  submitted: {
    text: "Submitted",
    className: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  },
} as const;

/** `testId` tells the viewer's own status ("status", the default) from others' in one row. */
export function StatusBadge({
  status,
  testId = "status",
}: {
  status: keyof typeof looks;
  testId?: string;
}) {
  const look = looks[status];
  return (
    <span
      data-testid={testId}
      className={`rounded px-2 py-0.5 text-xs font-medium ${look.className}`}
    >
      {look.text}
    </span>
  );
}
