"use client";

import { useEffect, useRef } from "react";
import type { TextRelationType } from "../../../../_components/text/relation-types";
import type { TextLabel } from "../../../../_components/text/types";

const shortcuts: [keys: string, what: string][] = [
  ["← →", "move the word cursor"],
  ["↑ ↓", "move the word cursor a line up or down"],
  ["Shift + arrows", "extend the cursor"],
  ["label key", "tag the selection or cursor; relabel the focused span"],
  ["Enter", "open the label menu for the cursor or focused span"],
  ["Tab / Shift+Tab", "next / previous span"],
  ["Delete / Backspace", "delete the focused span"],
  ["Escape", "close the menu, drop the cursor, leave the span"],
  ["Shift+R", "start a relation from the focused span"],
  ["relation key", "relate the started span to the focused one"],
  ["Enter, relating", "the relation types the two labels allow"],
  ["Escape, relating", "let go of the started relation"],
  ["drag from the focused span", "relate it to the span dropped on"],
  ["Enter / R / Delete", "in the relation list: retype / reverse / delete"],
  ["Shift+A, then a key", "the focused span's attributes; an attribute's key sets it"],
  ["Shift+N", "write the focused span's note (Enter saves)"],
  ["Shift+F", "add the selection or cursor to the span focused last, as a further piece"],
  ["Alt+Shift+← →", "move the focused span's end by a word"],
  ["Ctrl+Alt+Shift+← →", "move the focused span's start by a word"],
  ["Shift+D, then a key", "choose a document label"],
  ["Escape, then Tab", "leave the text for the rest of the page"],
  ["Ctrl+Z", "undo"],
  ["Ctrl+Shift+Z / Ctrl+Y", "redo"],
  ["J or ]", "next document"],
  ["K or [", "previous document"],
  ["N", "next document not yet submitted"],
  ["Ctrl+Enter", "submit the document"],
  ["/ or Ctrl+F", "find in the document"],
  ["Alt while selecting", "do not snap this selection to whole words"],
  ["G", "the project's guidelines, in another tab"],
  ["?", "this list"],
];

/** Every shortcut of the annotation page and every label's key, in a modal dialog. */
export function ShortcutSheet({
  open,
  labels,
  relationTypes = [],
  onClose,
}: {
  open: boolean;
  labels: TextLabel[];
  relationTypes?: readonly TextRelationType[];
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && !dialog?.open) dialog?.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="shortcut-sheet-title"
      className="m-auto w-full max-w-xl rounded-lg border border-zinc-300 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="mb-4 flex items-center justify-between">
        <h2 id="shortcut-sheet-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <button type="button" onClick={onClose} className="rounded border px-2 py-0.5 text-sm">
          Close
        </button>
      </div>
      <div className="grid gap-6 sm:grid-cols-[2fr_1fr]">
        <table className="text-sm">
          <caption className="sr-only">Keys of the annotation page</caption>
          <tbody>
            {shortcuts.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row" className="py-0.5 pr-3 text-left font-mono font-normal">
                  {keys}
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="text-sm">
          <caption className="mb-1 text-left font-medium">Labels</caption>
          <tbody>
            {labels.map((label) => (
              <tr key={label.id}>
                <th scope="row" className="py-0.5 pr-3 text-left font-mono font-normal">
                  {label.hotkey ?? "—"}
                </th>
                <td>
                  <span
                    className="rounded px-1 text-zinc-950"
                    style={{ backgroundColor: label.color }}
                  >
                    {label.name}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {relationTypes.length > 0 && (
          <table className="text-sm">
            <caption className="mb-1 text-left font-medium">Relations</caption>
            <tbody>
              {relationTypes.map((type) => (
                <tr key={type.id}>
                  <th scope="row" className="py-0.5 pr-3 text-left font-mono font-normal">
                    {type.hotkey ?? "—"}
                  </th>
                  <td>
                    {type.name} {type.directed ? "→" : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </dialog>
  );
}
