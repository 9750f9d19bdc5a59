import { useEffect, useRef } from "react";
import { useAnnounce } from "../../../../_components/announcer";
import type { SaveState } from "./span-store";

const looks: Record<SaveState, { text: string; className: string }> = {
  saved: { text: "Saved", className: "text-muted" },
  saving: { text: "Saving…", className: "text-muted" },
  failed: {
    text: "Save failed — retrying",
    className: "font-medium text-red-700 dark:text-red-300",
  },
};

/**
 * Whether the annotator's changes have reached the server; a failed save offers to retry now.
 * Only a failure and the recovery from it are announced: "Saving…" and "Saved" after every edit
 * would drown what the edit itself announces.
 */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const look = looks[state];
  const announce = useAnnounce();
  const failing = useRef(false);
  useEffect(() => {
    if (state === "failed" && !failing.current) announce(looks.failed.text);
    else if (state === "saved" && failing.current) announce(looks.saved.text);
    if (state !== "saving") failing.current = state === "failed";
  }, [state, announce]);
  return (
    <p className={`flex items-center gap-2 text-sm ${look.className}`}>
      <span data-testid="save-state" data-state={state}>
        {look.text}
      </span>
      {state === "failed" && (
        <button type="button" onClick={onRetry} className="rounded border px-2 py-0.5 text-xs">
          Retry now
        </button>
      )}
    </p>
  );
}
