"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatCatalog, importFormatNames, type ImportFormatName } from "@/domain/formats/catalog";
import { FormError } from "../../../_components/field";
import { useTRPC } from "../../../_trpc/client";
import { ImportOptionsFields, type ImportOptions } from "./import-options";
import { hasDocumentsToImport, ImportSummaryView } from "./import-summary";
import { ProgressLine } from "./progress-line";
import { uploadFiles, type UploadedFiles } from "./upload-files";
import { countOf } from "@/domain/count-of";

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Upload, preview, import: the files go up once, a dry run shows the first documents and every
 * problem, and only then does the import write anything.
 */
export function ImportPanel({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<ImportFormatName>("jsonl");
  const [options, setOptions] = useState<ImportOptions>({});
  const [files, setFiles] = useState<File[]>([]);
  const [uploaded, setUploaded] = useState<UploadedFiles | null>(null);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onError = (failure: { message: string }) => setError(failure.message);
  const preview = useMutation(trpc.dataset.preview.mutationOptions({ onError }));
  const importing = useMutation(
    trpc.dataset.import.mutationOptions({
      onError,
      onSuccess: async () => {
        setUploaded(null);
        const queryKey = trpc.document.list.pathKey();
        await queryClient.cancelQueries({ queryKey });
        await queryClient.invalidateQueries({ queryKey });
      },
    }),
  );
  const busy = uploadFraction !== null || preview.isPending || importing.isPending;
  const progress = useQuery(
    trpc.dataset.progress.queryOptions(
      { projectSlug, uploadId: uploaded?.uploadId ?? "00000000-0000-4000-8000-000000000000" },
      { enabled: uploaded !== null && busy, refetchInterval: 500 },
    ),
  );

  const settingsChanged = () => {
    preview.reset();
    importing.reset();
    setError(null);
  };
  const input = (upload: UploadedFiles) => ({
    projectSlug,
    uploadId: upload.uploadId,
    format,
    options,
  });

  const runPreview = async () => {
    settingsChanged();
    let upload = uploaded;
    if (!upload) {
      try {
        setUploadFraction(0);
        upload = await uploadFiles(projectSlug, files, setUploadFraction);
        setUploaded(upload);
      } catch (failure) {
        setError((failure as Error).message);
        return;
      } finally {
        setUploadFraction(null);
      }
    }
    preview.mutate(input(upload));
  };

  const summary = preview.data;
  const blocked = summary && summary.invalid.length > 0 && !options.skipInvalid;
  const reading = progress.data;

  return (
    <section aria-labelledby="import-heading" className="mb-8">
      <h2 id="import-heading" className="mb-2 text-lg font-semibold">
        Import
      </h2>
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label className="grid gap-1">
          <span className="font-medium">Format</span>
          <select
            value={format}
            disabled={busy}
            onChange={(event) => {
              setFormat(event.target.value as ImportFormatName);
              settingsChanged();
            }}
          >
            {importFormatNames.map((name) => (
              <option key={name} value={name}>
                {formatCatalog[name].title}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Files</span>
          <input
            type="file"
            multiple
            disabled={busy}
            accept={formatCatalog[format].accept}
            onChange={(event) => {
              setFiles([...(event.target.files ?? [])]);
              setUploaded(null);
              settingsChanged();
            }}
          />
        </label>
      </div>
      <p className="mt-1 text-xs text-muted">Offsets: {formatCatalog[format].offsets}.</p>
      <ImportOptionsFields
        format={format}
        options={options}
        onChange={(changed) => {
          setOptions(changed);
          settingsChanged();
        }}
      />
      <button
        type="button"
        disabled={files.length === 0 || busy}
        onClick={runPreview}
        className="rounded border border-zinc-300 px-3 py-1.5 text-sm font-medium disabled:opacity-50 dark:border-zinc-700"
      >
        Preview
      </button>

      {uploadFraction !== null && (
        <ProgressLine
          label={`Uploading… ${Math.round(uploadFraction * 100)}%`}
          fraction={uploadFraction}
        />
      )}
      {(preview.isPending || importing.isPending) && (
        <ProgressLine
          label={`${importing.isPending ? "Importing" : "Checking"}… ${
            reading
              ? `${megabytes(reading.bytesRead)} of ${megabytes(reading.totalBytes)} MB, ${countOf(reading.documents, "document")}`
              : ""
          }`}
          fraction={reading ? reading.bytesRead / Math.max(1, reading.totalBytes) : undefined}
        />
      )}
      <FormError message={error} />

      {summary && !importing.data && (
        <>
          <ImportSummaryView summary={summary} done={false} />
          {blocked && (
            <p className="mb-2 text-sm text-red-700 dark:text-red-300">
              An import stops at the first invalid document and stores nothing: fix the file, or
              tick &ldquo;Skip invalid documents&rdquo;.
            </p>
          )}
          {hasDocumentsToImport(summary) && (
            <button
              type="button"
              disabled={busy || blocked || !uploaded}
              onClick={() => uploaded && importing.mutate(input(uploaded))}
              className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
            >
              Import {countOf(summary.documents + summary.replaced, "document")}
            </button>
          )}
        </>
      )}
      {importing.data && (
        <>
          <ImportSummaryView summary={importing.data} done />
          <Link href={`/projects/${projectSlug}`} className="text-sm underline">
            See the documents
          </Link>
        </>
      )}
    </section>
  );
}
