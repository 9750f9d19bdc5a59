"use client";

import { useState, type ReactNode } from "react";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";
import { fieldOfError, type SchemeField } from "./scheme-field-errors";

/**
 * A row's mutations share one refusal, shown beside the field it names: `shown` maps the field a
 * message is about to the one the row has for it; any other refusal goes to the row's end.
 */
export function useRowFeedback(
  queryKeys: Parameters<typeof useRefreshingMutationOptions>[0],
  shown: Partial<Record<SchemeField, SchemeField>>,
) {
  const feedback = useRefreshingMutationOptions(queryKeys);
  const field = feedback.error ? (shown[fieldOfError(feedback.error)] ?? "row") : null;
  return {
    ...feedback,
    /** Props for the input of `name`: marked invalid and described by the message when it is. */
    describe: (name: SchemeField, id: string) =>
      field === name ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {},
    /** The message, where `name`'s field is ("row": at the row's end, for the row as a whole). */
    errorFor: (name: SchemeField, id: string) =>
      field === name && feedback.error ? (
        <FieldError id={`${id}-error`} message={feedback.error} />
      ) : null,
  };
}

export type RowFeedback = ReturnType<typeof useRowFeedback>;

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <span
      id={id}
      role="alert"
      className="mt-1 max-w-md rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </span>
  );
}

/** "low, high" as options, and back. */
export const splitOptions = (text: string) =>
  text
    .split(",")
    .map((option) => option.trim())
    .filter((option) => option !== "");
export const joinOptions = (options: readonly string[]) => options.join(", ");

export const inputClass = "rounded border px-2 py-1";
const hotkeyClass = "w-10 rounded border px-2 py-1 text-center";
const button = "rounded border px-2 py-1 disabled:opacity-40";

export function MoveButtons(props: {
  name: string;
  first: boolean;
  last: boolean;
  onMove: (direction: "up" | "down") => void;
}) {
  return (
    <>
      <button
        type="button"
        aria-label={`Move ${props.name} up`}
        disabled={props.first}
        onClick={() => props.onMove("up")}
        className={button}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${props.name} down`}
        disabled={props.last}
        onClick={() => props.onMove("down")}
        className={button}
      >
        ↓
      </button>
    </>
  );
}

export function SaveButton({ changed, label = "Save" }: { changed: boolean; label?: string }) {
  return (
    <button
      type="submit"
      disabled={!changed}
      className="rounded bg-blue-700 px-3 py-1 text-white disabled:opacity-40"
    >
      {label}
    </button>
  );
}

/**
 * Delete, asking first with what goes with it ("Delete located_in and its 2 relations?"): the
 * count is fetched when asked and sent back, so the server deletes only what was shown.
 */
export function DeleteWithConfirmation(props: {
  name: string;
  countUsage: () => Promise<number>;
  describeUsage: (count: number) => string;
  onConfirm: (count: number) => void;
}) {
  const [pending, setPending] = useState<number | null>(null);
  if (pending === null) {
    return (
      <button
        type="button"
        aria-label={`Delete ${props.name}`}
        onClick={async () => setPending(await props.countUsage())}
        className="rounded border border-red-300 px-2 py-1 text-red-800 dark:text-red-200"
      >
        Delete
      </button>
    );
  }
  return (
    <span
      role="alert"
      className="flex items-center gap-2 rounded bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-100"
    >
      Delete {props.name}
      {pending > 0 ? ` and ${props.describeUsage(pending)}` : ""}?
      <button type="button" onClick={() => props.onConfirm(pending)} className="underline">
        Confirm
      </button>
      <button type="button" onClick={() => setPending(null)} className="underline">
        Cancel
      </button>
    </span>
  );
}

/** A labelled field of a row, its refusal (if it is the one refused) right under it. */
export function RowField(props: { label: string; error?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <label className="flex flex-col text-xs">
        <span className="text-muted">{props.label}</span>
        {props.children}
      </label>
      {props.error}
    </div>
  );
}

/** A one-key field, lower-cased, empty meaning no key; its refusal shows beneath it. */
export function HotkeyField(props: {
  of: string;
  id: string;
  feedback: RowFeedback;
  hotkey: string | null;
  onChange: (hotkey: string | null) => void;
}) {
  const { of, id, feedback } = props;
  return (
    <RowField label="Hotkey" error={feedback.errorFor("hotkey", id)}>
      <input
        aria-label={`Hotkey of ${of}`}
        value={props.hotkey ?? ""}
        maxLength={1}
        onChange={(e) => props.onChange(e.target.value.toLowerCase() || null)}
        className={hotkeyClass}
        {...feedback.describe("hotkey", id)}
      />
    </RowField>
  );
}
