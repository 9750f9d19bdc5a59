"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { fillLabelHotkeys } from "@/domain/labels";
import { contentOf, type SpanEdit } from "@/domain/span-edits";
import { describeReplay, describeSpanEdit, describeSpanEdits } from "@/domain/span-edit-wording";
import { findTaggableOccurrences } from "@/domain/text-search";
import type { AppRouter } from "@/server/root";
import { useAnnounce, useAnnounceChange } from "../../../../_components/announcer";
import { ErrorBanner } from "../../../../_components/error-banner";
import { QueryState } from "../../../../_components/query-state";
import { LabelLegend } from "../../../../_components/text/label-legend";
import { SpanEditor, type SpanEditorHandle } from "../../../../_components/text/span-editor";
import type { TextLabel, TextRange, TextSpan } from "../../../../_components/text/types";
import { useLatestCallback } from "../../../../_components/use-latest-callback";
import { useTRPC } from "../../../../_trpc/client";
import { DocumentSearchBar } from "./document-search";
import { replayEarlyInput } from "./early-input";
import { ShortcutSheet } from "./shortcut-sheet";
import { SpanList } from "./span-list";
import { useFadingNotice } from "./use-fading-notice";
import { usePrefetchDocuments } from "./use-prefetch-documents";
import { useDocumentSearch } from "./use-document-search";
import { useSpanStore } from "./use-span-store";
import { useWorkspaceShortcuts } from "./use-workspace-shortcuts";
import { WorkspaceHeader } from "./workspace-header";

type WorkspaceData = inferRouterOutputs<AppRouter>["document"]["workspace"];

export function AnnotationWorkspace({
  projectSlug,
  documentId,
}: {
  projectSlug: string;
  documentId: number;
}) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.document.workspace.queryOptions({ documentId }));
  const shown = workspace.data !== undefined;
  // After the workspace's own effects: its keys and clicks are listened to by now.
  useEffect(() => (shown ? replayEarlyInput() : undefined), [shown]);
  if (!workspace.data) return <QueryState query={workspace} />;
  return <Workspace key={documentId} projectSlug={projectSlug} data={workspace.data} />;
}

/** The annotation page: the text to tag, its spans by label, and the way to the next document. */
function Workspace({ projectSlug, data }: { projectSlug: string; data: WorkspaceData }) {
  const documentId = data.document.id;
  const { text, lang, dir } = data.document;
  const canAnnotate = data.capabilities.annotate;
  const router = useRouter();
  const labels = useMemo(() => fillLabelHotkeys(data.labels), [data.labels]);
  const rules = useMemo(
    () => ({
      text,
      allowOverlap: data.settings.allowOverlap,
      labels: new Map(data.labels.map((label) => [label.id, label.name])),
      scheme: data.scheme,
    }),
    [text, data.settings.allowOverlap, data.labels, data.scheme],
  );
  const { store, snapshot } = useSpanStore(documentId, data.annotation, rules);
  const search = useDocumentSearch(text);
  const editorRef = useRef<SpanEditorHandle>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const [findRequest, setFindRequest] = useState(0);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [notice, setNotice] = useFadingNotice();
  const announce = useAnnounce();
  const name = data.document.externalId ?? `Document ${documentId}`;

  const href = (id: number | null) => (id ? `/projects/${projectSlug}/documents/${id}` : null);
  const links = {
    previous: href(data.previousDocumentId),
    next: href(data.nextDocumentId),
    // A reviewer submits nothing, so has nothing left "to do".
    nextUnsubmitted: canAnnotate ? href(data.nextUnsubmittedDocumentId) : null,
  };
  const go = (link: string | null, missing: string) =>
    link ? router.push(link) : say(`There is no ${missing} document.`);
  const say = (message: string | null) => {
    setNotice(message ?? "");
    if (message) announce(message);
  };
  const replay = (which: "undo" | "redo") => {
    if (!canAnnotate) return;
    const entry = store.nextReplay(which);
    const problem = which === "undo" ? store.undo() : store.redo();
    // A refused step is told by the alert; with nothing to replay, the store says so.
    if (!problem) say(describeReplay(which, entry ? describeSpanEdits(rules, entry) : null));
    else if (!entry) say(problem);
  };
  const undo = () => replay("undo");
  const redo = () => replay("redo");

  // Submitting is done with this document: go on to the next one to do, as N does.
  const submit = () => {
    if (!canAnnotate) return;
    store.submit();
    // Submit is disabled now that the document is done: the keyboard goes back to the text.
    editorRef.current?.focus();
    if (links.nextUnsubmitted) {
      // Said from the root layout, so it is still heard on the next document's page.
      announce(`Submitted “${name}”`);
      router.push(links.nextUnsubmitted);
    } else say(`Submitted “${name}”. Every document of yours is submitted.`);
  };
  useReopenedNotice(snapshot.status, say);
  useAnnounceChange(snapshot.conflict);

  usePrefetchDocuments(
    projectSlug,
    data.previousDocumentId,
    data.nextDocumentId,
    data.nextUnsubmittedDocumentId,
  );

  useWorkspaceShortcuts({
    undo,
    redo,
    previous: () => go(links.previous, "previous"),
    next: () => go(links.next, "next"),
    nextUnsubmitted: () => go(links.nextUnsubmitted, "other unsubmitted"),
    submit,
    showShortcuts: () => setSheetOpen(true),
    // A tab of their own, so reading the guidelines never costs the annotator their place.
    openGuidelines: () => window.open(`/projects/${projectSlug}/guidelines`, "concord-guidelines"),
    find: () => {
      const range = editorRef.current?.currentRange();
      search.show(range ? text.slice(range.start, range.end) : null);
      setFindRequest((request) => request + 1);
    },
  });

  // The keyboard starts in the text, where every annotating key works.
  useEffect(() => editorRef.current?.focus(), []);

  useEffect(() => {
    if (findRequest === 0) return;
    findRef.current?.focus();
    findRef.current?.select();
  }, [findRequest]);

  // Each match found becomes the keyboard cursor, so a label key tags it once back in the text.
  useEffect(() => {
    if (search.currentMatch) editorRef.current?.selectRange(search.currentMatch);
  }, [search.currentMatch]);

  const taggable = useMemo(
    () =>
      search.open
        ? findTaggableOccurrences(text, search.matches, snapshot.spans, {
            wholeTokens: data.settings.tokenSnapping,
            lang,
          })
        : [],
    [search.open, search.matches, snapshot.spans, text, data.settings.tokenSnapping, lang],
  );

  /** Only an edit the layer's rules accept is said as done; a refused one is the alert's. */
  const perform = (edit: SpanEdit, tell: (message: string) => void = announce) => {
    if (!store.perform(edit)) tell(describeSpanEdit(rules, edit) ?? "");
  };
  const add = (range: TextRange, label: TextLabel) =>
    perform({ kind: "add", spans: [{ ...range, labelId: label.id }] });
  const relabel = (span: TextSpan, label: TextLabel) => {
    if (span.labelId === label.id) return;
    perform({ kind: "relabel", ...contentOf(span), from: span.labelId, to: label.id });
  };
  const remove = (span: TextSpan) => perform({ kind: "delete", spans: [contentOf(span)] });
  const tagAll = (label: TextLabel) => {
    if (taggable.length === 0) return;
    perform(
      { kind: "add", spans: taggable.map((range) => ({ ...range, labelId: label.id })) },
      say,
    );
  };
  const goToSpan = useLatestCallback((span: TextSpan) => editorRef.current?.focusSpan(span));

  return (
    <section>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/projects/${projectSlug}`} className="underline">
          {data.project.name}
        </Link>
      </nav>
      <WorkspaceHeader
        title={name}
        layer={snapshot}
        progress={data.progress}
        canAnnotate={canAnnotate}
        links={links}
        onRetry={store.retryNow.bind(store)}
        onUndo={undo}
        onRedo={redo}
        onSubmit={submit}
        onFind={() => {
          search.show(null);
          setFindRequest((request) => request + 1);
        }}
        onShowShortcuts={() => setSheetOpen(true)}
      />
      <LabelLegend labels={labels} />
      <ErrorBanner message={snapshot.refusal} onDismiss={() => store.dismissRefusal()} />
      {snapshot.conflict && (
        <p
          data-testid="conflict-notice"
          className="mb-3 rounded bg-amber-100 px-3 py-2 text-sm text-amber-950"
        >
          {snapshot.conflict}{" "}
          <button type="button" onClick={() => store.dismissRefusal()} className="underline">
            Dismiss
          </button>
        </p>
      )}
      <p className="mb-2 min-h-5 text-sm text-muted" data-testid="notice">
        {notice}
      </p>
      {search.open && (
        <DocumentSearchBar
          search={search}
          inputRef={findRef}
          labels={labels}
          taggableCount={taggable.length}
          onTagAll={canAnnotate ? tagAll : null}
          onStep={search.step}
          onClose={() => {
            search.hide();
            editorRef.current?.focus();
          }}
        />
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <div>
          <SpanEditor
            ref={editorRef}
            text={text}
            spans={snapshot.spans}
            labels={labels}
            editable={canAnnotate}
            snapToTokens={data.settings.tokenSnapping}
            matches={search.matches}
            currentMatch={search.currentMatch}
            lang={lang}
            dir={dir}
            onAdd={add}
            onRelabel={relabel}
            onDelete={remove}
          />
        </div>
        <aside className="lg:max-h-[70vh] lg:overflow-y-auto">
          <SpanList
            text={text}
            lang={lang}
            dir={dir}
            spans={snapshot.spans}
            labels={labels}
            onPick={goToSpan}
          />
        </aside>
      </div>
      <ShortcutSheet open={sheetOpen} labels={labels} onClose={() => setSheetOpen(false)} />
    </section>
  );
}

/** Says so when an edit takes a submitted layer back to in progress (the server's rule). */
function useReopenedNotice(
  status: WorkspaceData["annotation"]["status"],
  say: (text: string) => void,
) {
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === "submitted" && status === "in_progress") {
      say("Reopened: submit again when done.");
    }
    previous.current = status;
  }, [status, say]);
}
