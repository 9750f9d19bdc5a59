/** A labelled progress bar; without a fraction, it shows activity without a measure. */
export function ProgressLine({ label, fraction }: { label: string; fraction?: number }) {
  return (
    <div className="my-3 text-sm" data-testid="progress">
      <span className="mb-1 block">{label}</span>
      <progress
        aria-label={label}
        className="h-2 w-full max-w-md"
        max={1}
        value={fraction ?? undefined}
      />
    </div>
  );
}
