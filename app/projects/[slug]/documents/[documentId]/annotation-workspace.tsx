"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorBanner } from "../../../../_components/error-banner";
import { QueryState } from "../../../../_components/query-state";
import { StatusBadge } from "../../../../_components/status-badge";
import { LabelLegend } from "../../../../_components/text/label-legend";
import { SpanEditor } from "../../../../_components/text/span-editor";
import { useTRPC } from "../../../../_trpc/client";
import { useWorkspaceMutations } from "./use-workspace-mutations";

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

  const data = workspace.data;
  if (!data) return <QueryState query={workspace} />;
  const canAnnotate = data.role !== "reviewer";
  const documentHref = (id: number) => `/projects/${projectSlug}/documents/${id}`;

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
            <Link href={documentHref(data.previousDocumentId)} className="rounded border px-3 py-1">
              Previous
            </Link>
          )}
          {data.nextDocumentId && (
            <Link href={documentHref(data.nextDocumentId)} className="rounded border px-3 py-1">
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

      <LabelLegend labels={data.labels} />
      <ErrorBanner message={mutations.error} onDismiss={mutations.clearError} />
      <SpanEditor
        text={data.document.text}
        spans={data.annotation.spans}
        labels={data.labels}
        editable={canAnnotate}
        onAdd={(range, label) =>
          mutations.addSpan.mutate({ documentId, ...range, labelId: label.id })
        }
        onRelabel={(span, label) =>
          mutations.relabelSpan.mutate({ spanId: span.id, labelId: label.id })
        }
        onDelete={(span) => mutations.deleteSpan.mutate({ spanId: span.id })}
      />
    </section>
  );
}
