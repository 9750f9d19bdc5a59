"use client";

import { useEffect, useRef } from "react";
import { countOf } from "@/domain/count-of";

/** Asks before gold is marked curated while regions are still open, naming how many. */
export function CuratedConfirmation(props: {
  open: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const stillOpen = props.open === 1 ? "is still open" : "are still open";
  return (
    <div
      role="alertdialog"
      aria-labelledby="curated-confirmation"
      onKeyDown={(event) => event.key === "Escape" && props.onCancel()}
      className="mb-3 flex flex-wrap items-center gap-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p id="curated-confirmation">
        {countOf(props.open, "region")} {stillOpen}. Mark gold curated anyway?
      </p>
      <button
        ref={confirmRef}
        type="button"
        onClick={props.onConfirm}
        className="rounded bg-violet-700 px-3 py-1 font-medium text-white"
      >
        Mark curated anyway
      </button>
      <button type="button" onClick={props.onCancel} className="underline">
        Cancel
      </button>
    </div>
  );
}
