import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { countOf } from "@/domain/count-of";

type ImportSummary = inferRouterOutputs<AppRouter>["dataset"]["preview"];
type Problem = ImportSummary["invalid"][number];

const shownProblems = 50;

/** Whether importing would add or replace any document; if not, no import is offered. */
export function hasDocumentsToImport(summary: ImportSummary): boolean {
  return summary.documents + summary.replaced > 0;
}

/** What a preview found, or what an import did: counts, the first documents, every problem. */
export function ImportSummaryView({ summary, done }: { summary: ImportSummary; done: boolean }) {
  const { documents, annotations, spans, replaced, alreadyPresent, labelsCreated } = summary;
  const details = (
    [
      [summary.relations, "relation"],
      [summary.attributes, "attribute"],
      [summary.notes, "note"],
      [summary.fragments, "discontinuous span"],
      [summary.documentLabels, "document label"],
    ] as const
  ).flatMap(([n, what]) => (n > 0 ? [countOf(n, what)] : []));
  const created = (
    [
      ["relation types", summary.relationTypesCreated],
      ["attributes", summary.attributesCreated],
      ["document labels", summary.documentLabelsCreated],
    ] as const
  ).filter(([, names]) => names.length > 0);
  const empty = documents + replaced + alreadyPresent + summary.invalid.length === 0;
  return (
    <div data-testid={done ? "import-result" : "import-preview"} className="my-4 text-sm">
      {empty ? (
        <p className="font-medium">The file holds no documents: there is nothing to import.</p>
      ) : (
        <p className="font-medium">
          {done ? "Imported" : "Ready to import"} {countOf(documents, "new document")},{" "}
          {countOf(annotations, "annotation")}, {countOf(spans, "span")}
          {replaced > 0 && `; ${done ? "replaced" : "replaces"} ${countOf(replaced, "document")}`}
          {alreadyPresent > 0 &&
            `; ${countOf(alreadyPresent, "document")} already in the project left unchanged`}
          .
        </p>
      )}
      {labelsCreated.length > 0 && (
        <p>
          {done ? "Created" : "Creates"} the labels {labelsCreated.join(", ")}.
        </p>
      )}
      {details.length > 0 && <p>With {details.join(", ")}.</p>}
      {created.map(([what, names]) => (
        <p key={what}>
          {done ? "Created" : "Creates"} the {what} {names.join(", ")}.
        </p>
      ))}
      {!done && summary.preview.length > 0 && (
        <ol aria-label="First documents" className="my-3 grid gap-3">
          {summary.preview.map((document) => (
            <li
              key={`${document.file}:${document.line}`}
              className="rounded border border-zinc-200 p-2 dark:border-zinc-800"
            >
              <p className="text-xs text-muted">
                {document.file}, line {document.line}
                {document.id !== null && ` · id ${document.id}`}
              </p>
              <p
                lang={document.lang}
                dir={document.dir}
                className="line-clamp-3 whitespace-pre-wrap"
              >
                {document.text}
              </p>
              {document.spans.length > 0 && (
                <ul aria-label="Spans" className="mt-1 flex flex-wrap gap-2">
                  {document.spans.map((span, i) => (
                    <li key={i}>
                      <mark
                        lang={document.lang}
                        dir={document.dir}
                        className="rounded bg-amber-100 px-1 dark:bg-amber-900"
                      >
                        {span.text}
                      </mark>{" "}
                      <span className="text-xs">
                        {span.label} · {span.annotator}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <ProblemList
        title={`${countOf(summary.invalid.length, "invalid document")} ${done ? "skipped" : "found"}`}
        problems={summary.invalid}
      />
      <ProblemList
        title={`${countOf(summary.leftOut.length, "annotation")} Concord has no place for, left out`}
        problems={summary.leftOut}
      />
    </div>
  );
}

function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <details open className="my-2">
      <summary>{title}</summary>
      <ul aria-label={title} className="ml-4 list-disc">
        {problems.slice(0, shownProblems).map(({ file, line, field, reason }, i) => (
          <li key={i}>
            {file}, line {line}
            {field && `, field "${field}"`}: {reason}
          </li>
        ))}
        {problems.length > shownProblems && <li>and {problems.length - shownProblems} more</li>}
      </ul>
    </details>
  );
}
