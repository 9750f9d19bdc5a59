"use client";

import { useEffect, useRef, useState } from "react";
import { isOwnKeyTarget } from "../../../../_components/keyboard";
import type { DetailEdit } from "../../../../_components/text/span-detail-values";
import { chooseEdit, optionOfHotkey, type DocumentLabelSet } from "./document-label-choices";

type DocumentLabelsProps = {
  sets: readonly DocumentLabelSet[];
  chosen: readonly number[];
  editable: boolean;
  onEdit: (edit: DetailEdit) => void;
  say: (message: string) => void;
};

const option =
  "rounded border border-zinc-300 px-2 py-0.5 text-sm aria-checked:border-zinc-900 aria-checked:bg-zinc-900 aria-checked:text-white aria-pressed:border-zinc-900 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900";

/**
 * The document's own labels ("topic", "stance"): a multi-choice set's options toggle, a single
 * choice set's options are a radio group. Shift+D and then an option's key picks it from
 * anywhere on the page; every pick is one choose edit, undone like a span.
 */
export function DocumentLabels({ sets, chosen, editable, onEdit, say }: DocumentLabelsProps) {
  const armed = useDocumentLabelKeys({ sets, chosen, editable, onEdit, say });
  if (sets.length === 0) return null;
  return (
    <section
      aria-labelledby="document-labels-title"
      data-testid="document-labels"
      data-armed={armed || undefined}
      className="mb-4 rounded text-sm data-armed:outline-2 data-armed:outline-offset-4 data-armed:outline-focus"
    >
      <h2 id="document-labels-title" className="mb-1 font-semibold">
        Document labels <kbd className="font-mono text-xs font-normal text-muted">Shift+D</kbd>
      </h2>
      {sets.map((set) => (
        <div
          key={set.id}
          role={set.multiple ? "group" : "radiogroup"}
          aria-label={set.name}
          className="mb-2"
        >
          <p className="mb-0.5 text-xs text-muted">
            {set.name}
            {set.multiple ? " (any)" : " (one)"}
          </p>
          <div className="flex flex-wrap gap-1">
            {set.options.map((item) => {
              const on = chosen.includes(item.id);
              return (
                <button
                  key={item.id}
                  type="button"
                  disabled={!editable}
                  {...(set.multiple
                    ? { "aria-pressed": on }
                    : { role: "radio", "aria-checked": on })}
                  aria-keyshortcuts={item.hotkey ? `Shift+D ${item.hotkey}` : undefined}
                  onClick={() => onEdit(chooseEdit(set, chosen, item.id))}
                  className={option}
                >
                  {item.name}
                  {item.hotkey && (
                    <kbd className="ms-1 font-mono text-xs opacity-70">{item.hotkey}</kbd>
                  )}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}

/**
 * Shift+D, then an option's key: Shift+D readies the panel (said aloud, and outlined), the next
 * key picks the option with that key, and anything else (Escape too) lets it go. Listened to
 * before the page's other keys, so an option's key never tags or relabels a span meanwhile.
 */
function useDocumentLabelKeys(options: DocumentLabelsProps) {
  const [armed, setArmed] = useState(false);
  const latest = useRef({ ...options, armed });
  useEffect(() => {
    latest.current = { ...options, armed };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const { sets, chosen, editable, onEdit, say, armed: ready } = latest.current;
      if (!editable || sets.length === 0 || event.defaultPrevented) return;
      if (isOwnKeyTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!ready) {
        if (!event.shiftKey || event.key !== "D") return;
        event.preventDefault();
        event.stopPropagation();
        setArmed(true);
        const keys = sets.flatMap((set) =>
          set.options.flatMap((item) => (item.hotkey ? [`${item.hotkey} ${item.name}`] : [])),
        );
        return say(`Document labels: ${keys.join(", ")}. Escape to stop.`);
      }
      if (event.key === "Shift") return;
      setArmed(false);
      event.preventDefault();
      event.stopPropagation();
      const picked = optionOfHotkey(sets, event.key.toLowerCase());
      if (picked) onEdit(chooseEdit(picked.set, chosen, picked.option.id));
      else if (event.key !== "Escape") say(`No document label has the key ${event.key}.`);
    }
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
  return armed;
}
