import Link from "next/link";
import { StatusBadge } from "../../../../_components/status-badge";
import { UndoRedoButtons } from "../../../../_components/undo-redo-buttons";
import { QueueProgress } from "./queue-progress";
import { SaveIndicator } from "./save-indicator";
import type { SpanStoreSnapshot } from "./span-store";
import { countOf } from "@/domain/count-of";

type WorkspaceHeaderProps = {
  title: string;
  layer: SpanStoreSnapshot;
  progress: { submitted: number; assigned: number };
  canAnnotate: boolean;
  links: { previous: string | null; next: string | null; nextUnsubmitted: string | null };
  onRetry: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onSubmit: () => void;
  onFind: () => void;
  onShowShortcuts: () => void;
  /** The document labels chosen, in words ("topic: military · stance: hostile"). */
  documentLabels?: string;
};

const button = "rounded border px-3 py-1";
const hint = "ml-1 font-mono text-xs text-muted";

/** The document's name and state, the annotator's progress, and the page's commands with their keys. */
export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { layer, links } = props;
  const submitted = layer.status === "submitted";
  return (
    <header className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      <h1 className="text-2xl font-semibold">{props.title}</h1>
      <StatusBadge status={layer.status} />
      <span className="text-sm text-muted" data-testid="span-count">
        {countOf(layer.spans.length, "span")}
      </span>
      {props.documentLabels && (
        <span className="text-sm" data-testid="document-labels-summary">
          {props.documentLabels}
        </span>
      )}
      {props.canAnnotate && <SaveIndicator state={layer.saveState} onRetry={props.onRetry} />}
      {props.canAnnotate && <QueueProgress {...props.progress} />}
      <div className="ml-auto flex flex-wrap gap-2 text-sm">
        {links.previous && (
          <Link href={links.previous} className={button} aria-keyshortcuts="K">
            Previous
            <kbd aria-hidden="true" className={hint}>
              K
            </kbd>
          </Link>
        )}
        {links.next && (
          <Link href={links.next} className={button} aria-keyshortcuts="J">
            Next
            <kbd aria-hidden="true" className={hint}>
              J
            </kbd>
          </Link>
        )}
        {links.nextUnsubmitted && (
          <Link href={links.nextUnsubmitted} className={button} aria-keyshortcuts="N">
            Next to do
            <kbd aria-hidden="true" className={hint}>
              N
            </kbd>
          </Link>
        )}
        <button type="button" onClick={props.onFind} className={button} aria-keyshortcuts="/">
          Find
          <kbd aria-hidden="true" className={hint}>
            /
          </kbd>
        </button>
        <button
          type="button"
          onClick={props.onShowShortcuts}
          className={button}
          aria-keyshortcuts="?"
        >
          Shortcuts
          <kbd aria-hidden="true" className={hint}>
            ?
          </kbd>
        </button>
        {props.canAnnotate && (
          <>
            <UndoRedoButtons
              onUndo={props.onUndo}
              onRedo={props.onRedo}
              canUndo={layer.canUndo}
              canRedo={layer.canRedo}
            />
          </>
        )}
        {props.canAnnotate && (
          <button
            type="button"
            onClick={props.onSubmit}
            disabled={submitted}
            aria-keyshortcuts="Control+Enter"
            className="rounded bg-green-700 px-3 py-1 font-medium text-white disabled:opacity-60"
          >
            {submitted ? "Submitted" : "Submit"}
          </button>
        )}
      </div>
    </header>
  );
}
