"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { trimWhitespace } from "@/domain/spans";
import { AnnotatedText } from "./annotated-text";
import { LabelMenu } from "./label-menu";
import { readSelectionOffsets } from "./selection";
import type { TextLabel, TextSpan } from "./types";

type Range = { start: number; end: number };

type SpanEditorProps = {
  text: string;
  spans: TextSpan[];
  labels: TextLabel[];
  /** Without it the text is read-only: no selection menu, no span menu, no hotkeys. */
  editable: boolean;
  onAdd: (range: Range, label: TextLabel) => void;
  onRelabel: (span: TextSpan, label: TextLabel) => void;
  onDelete: (span: TextSpan) => void;
};

/**
 * A text with its spans, edited with the mouse and the labels' hotkeys: select and pick a label
 * (menu or key), click a span to relabel (menu or key) or delete it (button, Delete, Backspace).
 * Used for an annotator's own layer and for a document's gold layer alike.
 */
export function SpanEditor({
  text,
  spans,
  labels,
  editable,
  onAdd,
  onRelabel,
  onDelete,
}: SpanEditorProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<(Range & { anchor: DOMRect }) | null>(null);
  const [active, setActive] = useState<{ span: TextSpan; anchor: DOMRect } | null>(null);
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels]);

  const tag = useCallback(
    (label: TextLabel, range: Range) => {
      onAdd({ start: range.start, end: range.end }, label);
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [onAdd],
  );

  const relabelActive = useCallback(
    (label: TextLabel) => {
      if (active) onRelabel(active.span, label);
      setActive(null);
    },
    [active, onRelabel],
  );

  const deleteActive = useCallback(() => {
    if (active) onDelete(active.span);
    setActive(null);
  }, [active, onDelete]);

  /** The selected text, trimmed of surrounding white space, as offsets into the document. */
  const readSelection = useCallback(() => {
    const offsets = textRef.current && readSelectionOffsets(textRef.current);
    return offsets ? trimWhitespace(text, offsets.start, offsets.end) : null;
  }, [text]);

  const captureSelection = useCallback(() => {
    const range = readSelection();
    const anchor = range && window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    if (!range || !anchor) return setPending(null);
    setActive(null);
    setPending({ ...range, anchor });
  }, [readSelection]);

  const openSpan = useCallback((span: TextSpan, anchor: DOMRect) => {
    if (!window.getSelection()?.isCollapsed) return;
    setPending(null);
    setActive({ span, anchor });
  }, []);

  useEffect(() => {
    if (!editable) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (event.key === "Escape") {
        setPending(null);
        setActive(null);
        return;
      }
      if (active && (event.key === "Delete" || event.key === "Backspace")) {
        event.preventDefault();
        deleteActive();
        return;
      }
      const label = labels.find((candidate) => candidate.hotkey === event.key);
      if (!label) return;
      // A selection wins over an open span menu: the hotkey tags it.
      const range = pending ?? readSelection();
      if (range) {
        event.preventDefault();
        tag(label, range);
      } else if (active) {
        event.preventDefault();
        relabelActive(label);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [active, deleteActive, editable, labels, pending, readSelection, relabelActive, tag]);

  return (
    <>
      <AnnotatedText
        text={text}
        spans={spans}
        labelsById={labelsById}
        activeSpanId={active?.span.id ?? null}
        onSpanClick={editable ? openSpan : ignore}
        onMouseUp={editable ? captureSelection : ignore}
        containerRef={textRef}
      />
      {pending && (
        <LabelMenu
          title="Tag selection"
          labels={labels}
          anchor={pending.anchor}
          onPick={(label) => tag(label, pending)}
          onClose={() => setPending(null)}
        />
      )}
      {active && (
        <LabelMenu
          title={`Span “${text.slice(active.span.start, active.span.end)}”`}
          labels={labels}
          anchor={active.anchor}
          currentLabelId={active.span.labelId}
          onPick={relabelActive}
          onClose={() => setActive(null)}
        >
          <button
            type="button"
            onClick={deleteActive}
            className="mt-2 w-full rounded border border-red-300 px-2 py-1 text-sm text-red-800 dark:text-red-200"
          >
            Delete span
          </button>
        </LabelMenu>
      )}
    </>
  );
}

const ignore = () => undefined;
