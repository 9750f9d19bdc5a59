/** How far the annotator is through their documents in this project. */
export function QueueProgress({ submitted, assigned }: { submitted: number; assigned: number }) {
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="progress">
      <progress
        value={submitted}
        max={Math.max(assigned, 1)}
        aria-label="Your documents submitted"
        className="h-2 w-28 accent-green-700"
      />
      <span>
        {submitted} of {assigned} submitted
      </span>
    </div>
  );
}
