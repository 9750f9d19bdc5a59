"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { useAnnounce } from "../../../../../_components/announcer";
import { ErrorBanner } from "../../../../../_components/error-banner";
import { QueryState } from "../../../../../_components/query-state";
import { StatusBadge } from "../../../../../_components/status-badge";
import { UndoRedoButtons } from "../../../../../_components/undo-redo-buttons";
import { LabelLegend } from "../../../../../_components/text/label-legend";
import { SpanEditor, type SpanEditorHandle } from "../../../../../_components/text/span-editor";
import { useTRPC } from "../../../../../_trpc/client";
import { RegionList } from "./region-list";
import { StructureList } from "./structure-list";
import { useFadingNotice } from "../../../documents/[documentId]/use-fading-notice";
import { CuratedConfirmation } from "./curated-confirmation";
import { useCurationMutations } from "./use-curation-mutations";
import { useUndoKeys } from "./use-undo-keys";
import { countOf } from "@/domain/count-of";
import { contentOf } from "@/domain/span-edits";

/** The diff view of one document and the reviewer's gold layer, side by side in one page. */
export function DocumentCuration({
  projectSlug,
  documentId,
}: {
  projectSlug: string;
  documentId: number;
}) {
  const trpc = useTRPC();
  const review = useQuery(trpc.review.document.queryOptions({ documentId }));
  const [statusLine, showStatus] = useFadingNotice();
  const announce = useAnnounce();
  const mutations = useCurationMutations(documentId, (message) => {
    showStatus(message);
    announce(message);
  });
  const editorRef = useRef<SpanEditorHandle>(null);
  const [confirming, setConfirming] = useState(false);
  const { undo, redo } = mutations;
  useUndoKeys(undo, redo);
  const data = review.data;
  if (!data) return <QueryState query={review} />;
  const curated = data.gold.status === "curated";
  const open = data.regions.filter((region) => !region.settled).length;
  const setStatus = (status: "in_progress" | "curated") => {
    setConfirming(false);
    mutations.setGoldStatus(status);
  };
  const toggleCurated = () => {
    if (curated) setStatus("in_progress");
    // Open regions are where gold may still be wrong: finishing with some left is a decision.
    else if (open > 0) setConfirming(true);
    else setStatus("curated");
  };

  return (
    <section>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/projects/${projectSlug}/review/documents`} className="underline">
          {data.project.name}: disagreements
        </Link>
      </nav>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {data.document.externalId ?? `Document ${documentId}`}
        </h1>
        <span className="text-sm">Gold:</span>
        <StatusBadge status={data.gold.status} />
        <span className="text-sm text-muted" data-testid="open-regions">
          {open} of {countOf(data.regions.length, "region")} open
        </span>
        <div className="ml-auto flex gap-2 text-sm">
          <UndoRedoButtons
            onUndo={undo}
            onRedo={redo}
            canUndo={mutations.canUndo}
            canRedo={mutations.canRedo}
          />
          <button
            type="button"
            onClick={mutations.acceptAgreed}
            className="rounded border px-3 py-1"
          >
            Accept all agreed
          </button>
          <button
            type="button"
            onClick={toggleCurated}
            className="rounded bg-violet-700 px-3 py-1 font-medium text-white"
          >
            {curated ? "Reopen" : "Mark curated"}
          </button>
        </div>
      </header>
      <p className="mb-3 text-sm text-muted">
        Submitted by {data.annotators.map((a) => a.name).join(", ") || "nobody yet"}. Accepting
        agreed spans takes those that {Math.round(data.project.goldAcceptShare * 100)}% of them
        share.
      </p>

      {confirming && (
        <CuratedConfirmation
          open={open}
          onConfirm={() => setStatus("curated")}
          onCancel={() => setConfirming(false)}
        />
      )}
      {mutations.notice && (
        <p
          data-testid="gold-notice"
          className="mb-3 rounded bg-amber-100 px-3 py-2 text-sm text-amber-950"
        >
          {mutations.notice}
        </p>
      )}
      <p className="mb-2 min-h-5 text-sm text-muted">{statusLine}</p>
      <ErrorBanner message={mutations.error} onDismiss={mutations.clearError} />
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <div>
          <h2 className="mb-2 text-lg font-semibold">Gold layer</h2>
          <LabelLegend labels={data.labels} />
          <div data-testid="gold-layer">
            <SpanEditor
              ref={editorRef}
              text={data.document.text}
              spans={data.gold.spans}
              labels={data.labels}
              lang={data.document.lang}
              dir={data.document.dir}
              editable
              onAdd={(range, label) =>
                mutations.edit([{ kind: "add", spans: [{ ...range, labelId: label.id }] }])
              }
              onRelabel={(span, label) =>
                span.labelId !== label.id &&
                mutations.edit([
                  { kind: "relabel", ...contentOf(span), from: span.labelId, to: label.id },
                ])
              }
              onDelete={(span) => mutations.edit([{ kind: "delete", spans: [contentOf(span)] }])}
            />
          </div>
        </div>
        <div>
          <h2 className="mb-2 text-lg font-semibold">Where annotators differ</h2>
          <RegionList
            text={data.document.text}
            lang={data.document.lang}
            dir={data.document.dir}
            annotators={data.annotators.map((a) => a.name)}
            labels={data.labels}
            regions={data.regions}
            onAccept={mutations.acceptVariant}
            onPick={(region) => editorRef.current?.selectRange(region)}
            onReject={mutations.rejectRegion}
            onNoneLeft={() => editorRef.current?.focus()}
          />
          <StructureList
            text={data.document.text}
            structure={data.structure}
            onSettleRelations={mutations.settleRelations}
            onEdit={mutations.edit}
          />
        </div>
      </div>
    </section>
  );
}
