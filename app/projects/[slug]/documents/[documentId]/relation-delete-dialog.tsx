"use client";

import { useEffect, useRef, useState } from "react";

type Question = { message: string; confirm: () => void };

/**
 * Asks before a span is deleted with relations: "Delete PER “Kim” and its 2 relations?". A span
 * without any is deleted at once, as before. Enter deletes, Escape keeps it.
 */
export function useDeleteConfirmation() {
  const [question, setQuestion] = useState<Question | null>(null);
  return {
    question,
    /** Runs `confirm` now when nothing else goes with it, else once the annotator agrees. */
    ask(what: string, relations: number, confirm: () => void) {
      if (relations === 0) return confirm();
      const counted = relations === 1 ? "its relation" : `its ${relations} relations`;
      setQuestion({ message: `Delete ${what} and ${counted}?`, confirm });
    },
    close: () => setQuestion(null),
  };
}

export function RelationDeleteDialog(props: {
  question: Question | null;
  /** After either answer: the keyboard goes back to the text. */
  onClose: () => void;
}) {
  const { question, onClose } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (question && !dialog?.open) dialog?.showModal();
    if (!question && dialog?.open) dialog.close();
  }, [question]);

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="delete-confirmation-title"
      data-testid="delete-confirmation"
      className="m-auto w-full max-w-md rounded-lg border border-zinc-300 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <p id="delete-confirmation-title" className="mb-4">
        {question?.message}
      </p>
      <form method="dialog" className="flex justify-end gap-2">
        <button
          type="submit"
          value="keep"
          className="rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
        >
          Cancel
        </button>
        <button
          type="submit"
          value="delete"
          autoFocus
          onClick={() => question?.confirm()}
          className="rounded border border-red-300 bg-red-50 px-3 py-1 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          Delete
        </button>
      </form>
    </dialog>
  );
}
