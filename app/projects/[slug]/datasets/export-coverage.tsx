type Summary = {
  documents: number;
  leftOut: { withoutLayer: number; uncurated: number };
};

const documents = (n: number) => `${n} ${n === 1 ? "document" : "documents"}`;

/**
 * What a gold or one-annotator export holds and what it leaves out, said before the download: an
 * empty layer would read as "nothing to tag here", so such documents are not written at all.
 */
export function ExportCoverage({
  source,
  summary,
  includeUncurated,
}: {
  source: string;
  summary: Summary;
  includeUncurated: boolean;
}) {
  const { withoutLayer, uncurated } = summary.leftOut;
  const annotator = source.startsWith("annotator:") ? source.slice("annotator:".length) : null;
  const reasons = [
    withoutLayer > 0 &&
      `${documents(withoutLayer)} ${annotator ? `${annotator} never worked on` : "with no gold"}`,
    uncurated > 0 && `${documents(uncurated)} whose gold is still being curated`,
  ].filter(Boolean);
  const what = annotator
    ? `${annotator}'s annotations`
    : includeUncurated
      ? "gold"
      : "curated gold";
  return (
    <p className="mb-3 text-sm" role="status" aria-label="Export coverage">
      Exports {documents(summary.documents)} with {what}
      {reasons.length > 0 ? `; leaves out ${reasons.join(" and ")}.` : "."}
    </p>
  );
}
