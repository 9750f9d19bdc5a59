"use client";

import { useState, type KeyboardEvent } from "react";
import type { DetailedSpan } from "@/domain/span-edits";
import { fragmentsOf, removeFragmentEdit } from "./fragment-pieces";
import {
  attributesOfLabel,
  nextAttributeValue,
  setAttributeEdit,
  setNoteEdit,
  type DetailEdit,
  type TextAttribute,
} from "./span-detail-values";

/** Which part of the span menu the keyboard starts in. */
export type DetailPart = "attributes" | "note";

type SpanDetailMenuProps = {
  text: string;
  span: DetailedSpan;
  attributes: readonly TextAttribute[];
  /** Where the focus goes when the menu opens; none leaves it on the labels. */
  part?: DetailPart;
  onEdit: (edit: DetailEdit) => void;
};

const item =
  "flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800";
const field =
  "mt-0.5 w-full rounded border border-zinc-300 bg-white px-1 py-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/**
 * The span menu's lower part: the label's attributes (a flag to tick, a one-of to pick, a text to
 * type), the span's note, and its further pieces with a way to take each off. Every change is
 * one describe edit, so it is undone like any other.
 */
export function SpanDetailMenu({ text, span, attributes, part, onEdit }: SpanDetailMenuProps) {
  const own = attributesOfLabel(attributes, span.labelId);
  const set = (attribute: TextAttribute, value: string | boolean | undefined) => {
    const edit = setAttributeEdit(span, attribute.name, value);
    if (edit) onEdit(edit);
  };
  return (
    <div
      data-testid="span-details"
      className="mt-2 border-t border-zinc-200 pt-2 dark:border-zinc-700"
    >
      {own.map((attribute, at) => {
        const value = span.attributes?.[attribute.name];
        const autofocus = part === "attributes" && at === 0 ? true : undefined;
        const hotkey = attribute.hotkey && (
          <kbd className="ms-auto text-xs text-muted">{attribute.hotkey}</kbd>
        );
        if (attribute.kind === "boolean") {
          return (
            <button
              key={attribute.id}
              type="button"
              role="menuitemcheckbox"
              aria-checked={value === true}
              tabIndex={-1}
              data-autofocus={autofocus}
              onClick={() => set(attribute, nextAttributeValue(attribute, value) ?? undefined)}
              className={item}
            >
              <span aria-hidden="true">{value === true ? "☑" : "☐"}</span>
              {attribute.name}
              {hotkey}
            </button>
          );
        }
        if (attribute.kind === "choice") {
          return (
            <div key={attribute.id} role="group" aria-label={attribute.name} className="mb-1">
              <p className="flex px-2 text-xs text-muted">
                {attribute.name}
                {hotkey}
              </p>
              {attribute.options.map((option, index) => (
                <button
                  key={option}
                  type="button"
                  role="menuitemradio"
                  aria-checked={value === option}
                  tabIndex={-1}
                  data-autofocus={index === 0 ? autofocus : undefined}
                  onClick={() => set(attribute, value === option ? undefined : option)}
                  className={item}
                >
                  <span aria-hidden="true">{value === option ? "◉" : "○"}</span>
                  {option}
                </button>
              ))}
            </div>
          );
        }
        return (
          <TextField
            key={attribute.id}
            label={attribute.name}
            value={typeof value === "string" ? value : ""}
            autofocus={autofocus}
            onCommit={(typed) => set(attribute, typed.trim())}
          />
        );
      })}
      <TextField
        label="Note"
        multiline
        value={span.note ?? ""}
        autofocus={part === "note" || undefined}
        onCommit={(typed) => {
          const edit = setNoteEdit(span, typed);
          if (edit) onEdit(edit);
        }}
      />
      {fragmentsOf(span).map(([start, end], index) => (
        <button
          key={`${start}:${end}`}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => onEdit(removeFragmentEdit(span, index))}
          className={item}
        >
          Remove piece “{text.slice(start, end)}”
        </button>
      ))}
    </div>
  );
}

/**
 * A field in the menu, saved on Enter (Shift+Enter starts a new line of a note) or when the focus
 * leaves it; Escape closes the menu without saving. The menu's own arrow keys stay out of it.
 */
function TextField(props: {
  label: string;
  value: string;
  multiline?: boolean;
  autofocus?: true;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") return;
    if (event.key === "Tab" || (event.key === "Enter" && !event.shiftKey)) commit();
    if (event.key === "Enter" && !event.shiftKey) event.preventDefault();
    if (event.key !== "Tab") event.stopPropagation();
  };
  const shared = {
    value: draft,
    "aria-label": props.label,
    "data-autofocus": props.autofocus,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
    className: field,
  };
  return (
    <label className="mb-1 block px-2 text-xs text-muted">
      {props.label}
      {props.multiline ? (
        <textarea rows={2} maxLength={10_000} {...shared} />
      ) : (
        <input {...shared} />
      )}
    </label>
  );
}
