"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { trimWhitespace } from "@/domain/spans";
import { useTRPC } from "../../../../_trpc/client";
import { QueryState } from "../../../../_components/query-state";
import { StatusBadge } from "../../../../_components/status-badge";
import { AnnotatedText } from "./annotated-text";
import { LabelMenu } from "./label-menu";
import { readSelectionOffsets } from "./selection";
import { useWorkspaceMutations } from "./use-workspace-mutations";
import type { Label, WorkspaceSpan } from "./workspace-types";

type PendingSelection = { start: number; end: number; anchor: DOMRect };
type ActiveSpan = { span: WorkspaceSpan; anchor: DOMRect };

export function AnnotationWorkspace({
  projectSlug,
  documentId,
}: {
  projectSlug: string;
  documentId: number;
}) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.document.workspace.queryOptions({ documentId }));
  const mutations = useWorkspaceMutations(documentId);
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [active, setActive] = useState<ActiveSpan | null>(null);

  const data = workspace.data;
  const labels = useMemo(() => data?.labels ?? [], [data?.labels]);
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels]);

  const tagRange = useCallback(
    (label: Label, range: { start: number; end: number }) => {
      mutations.addSpan.mutate({
        documentId,
        start: range.start,
        end: range.end,
        labelId: label.id,
      });
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [documentId, mutations.addSpan],
  );

  const relabelActive = useCallback(
    (label: Label) => {
      if (!active) return;
      mutations.relabelSpan.mutate({ spanId: active.span.id, labelId: label.id });
      setActive(null);
    },
    [active, mutations.relabelSpan],
  );

  const deleteActive = useCallback(() => {
    if (!active) return;
    mutations.deleteSpan.mutate({ spanId: active.span.id });
    setActive(null);
  }, [active, mutations.deleteSpan]);

  /** The selected text, trimmed of surrounding white space, as offsets into the document. */
  const readSelection = useCallback(() => {
    const offsets = textRef.current && readSelectionOffsets(textRef.current);
    return offsets && data ? trimWhitespace(data.document.text, offsets.start, offsets.end) : null;
  }, [data]);

  const captureSelection = useCallback(() => {
    const range = readSelection();
    const anchor = range && window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    if (!range || !anchor) return setPending(null);
    setActive(null);
    setPending({ ...range, anchor });
  }, [readSelection]);

  const openSpan = useCallback((span: WorkspaceSpan, anchor: DOMRect) => {
    if (!window.getSelection()?.isCollapsed) return;
    setPending(null);
    setActive({ span, anchor });
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
        return;
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
      // A selection wins over an open span editor: the hotkey tags it.
      const range = pending ?? readSelection();
      if (range) {
        event.preventDefault();
        tagRange(label, range);
      } else if (active) {
        event.preventDefault();
        relabelActive(label);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [active, deleteActive, labels, pending, readSelection, relabelActive, tagRange]);

  if (!data) return <QueryState query={workspace} />;
  const canAnnotate = data.role !== "reviewer";

  return (
    <section>
      <nav className="mb-2 text-sm">
        <Link href={`/projects/${projectSlug}`} className="underline">
          {data.project.name}
        </Link>
      </nav>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {data.document.externalId ?? `Document ${documentId}`}
        </h1>
        <StatusBadge status={data.annotation.status} />
        <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="span-count">
          {data.annotation.spans.length} spans
        </span>
        <div className="ml-auto flex gap-2 text-sm">
          {data.previousDocumentId && (
            <Link
              href={`/projects/${projectSlug}/documents/${data.previousDocumentId}`}
              className="rounded border px-3 py-1"
            >
              Previous
            </Link>
          )}
          {data.nextDocumentId && (
            <Link
              href={`/projects/${projectSlug}/documents/${data.nextDocumentId}`}
              className="rounded border px-3 py-1"
            >
              Next
            </Link>
          )}
          {canAnnotate && (
            <button
              type="button"
              onClick={() => mutations.submit.mutate({ documentId })}
              disabled={data.annotation.status === "submitted"}
              className="rounded bg-green-700 px-3 py-1 font-medium text-white disabled:opacity-60"
            >
              {data.annotation.status === "submitted" ? "Submitted" : "Submit"}
            </button>
          )}
        </div>
      </header>

      <LabelLegend labels={labels} />

      {mutations.error && (
        <p
          role="alert"
          className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {mutations.error}
          <button type="button" onClick={mutations.clearError} className="ml-3 underline">
            Dismiss
          </button>
        </p>
      )}

      <AnnotatedText
        text={data.document.text}
        spans={data.annotation.spans}
        labelsById={labelsById}
        activeSpanId={active?.span.id ?? null}
        onSpanClick={openSpan}
        onMouseUp={canAnnotate ? captureSelection : () => undefined}
        containerRef={textRef}
      />

      {pending && (
        <LabelMenu
          title="Tag selection"
          labels={labels}
          anchor={pending.anchor}
          onPick={(label) => tagRange(label, pending)}
          onClose={() => setPending(null)}
        />
      )}
      {active && canAnnotate && (
        <LabelMenu
          title={`Span “${data.document.text.slice(active.span.start, active.span.end)}”`}
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
    </section>
  );
}

function LabelLegend({ labels }: { labels: Label[] }) {
  return (
    <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Labels">
      {labels.map((label) => (
        <li
          key={label.id}
          title={label.description || undefined}
          style={{ backgroundColor: label.color }}
          className="rounded px-2 py-0.5 text-zinc-950"
        >
          {label.hotkey && <kbd className="mr-1 font-mono text-xs">{label.hotkey}</kbd>}
          {label.name}
        </li>
      ))}
    </ul>
  );
}
