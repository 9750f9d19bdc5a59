"use client";

import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { RelationArc } from "../../../../_components/text/relation-layout";

type RelationListProps = {
  arcs: readonly RelationArc[];
  editable: boolean;
  onHighlight: (key: string | null) => void;
  /** Shows the relation's source span in the text. */
  onGoTo: (arc: RelationArc) => void;
  onRetype: (arc: RelationArc, anchor: DOMRect) => void;
  onReverse: (arc: RelationArc) => void;
  onDelete: (arc: RelationArc) => void;
};

const pageSize = 100;

/**
 * The layer's relations, "Kim Jong Un — located_in → Kursk", one Tab stop: arrows, Home and End
 * move between them; Enter retypes, R reverses, Delete removes the focused one; hovering or
 * focusing a row lights up its two spans in the text. It follows the relations at low priority,
 * as the span list does, so an edit paints in the text first.
 */
export function RelationList(props: RelationListProps) {
  const { editable, onHighlight } = props;
  const arcs = useDeferredValue(props.arcs);
  const helpId = useId();
  const [limit, setLimit] = useState(pageSize);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  // After a delete, the keyboard stays in the list, on the row that took the deleted one's place.
  const refocus = useRef<number | null>(null);
  const tabStop = Math.min(active, arcs.length - 1);

  useEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    rows(listRef.current)[Math.min(at, arcs.length - 1)]?.focus();
  }, [arcs]);

  const remove = (arc: RelationArc, at: number) => {
    refocus.current = at;
    props.onDelete(arc);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, arc: RelationArc, at: number) => {
    const items = rows(listRef.current);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    const move = moves[event.key];
    const act = (action: () => void) => {
      // Handled here: the page's keys must not also act on the text's focused span.
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    if (move !== undefined) act(() => items[move]?.focus());
    else if (!editable || event.ctrlKey || event.metaKey || event.altKey) return;
    else if (event.key === "Enter") {
      act(() => props.onRetype(arc, event.currentTarget.getBoundingClientRect()));
    } else if ((event.key === "r" || event.key === "R") && arc.directed) {
      act(() => props.onReverse(arc));
    } else if (event.key === "Delete" || event.key === "Backspace") act(() => remove(arc, at));
  };

  return (
    <section aria-labelledby={`${helpId}-title`} className="mt-4 text-sm">
      <h2 id={`${helpId}-title`} className="mb-2 font-semibold">
        Relations <span className="font-normal text-muted">({arcs.length})</span>
      </h2>
      <p id={helpId} className="sr-only">
        Enter changes the type, R reverses, Delete removes the relation.
      </p>
      {arcs.length === 0 && (
        <p className="text-muted">No relations yet. Focus a span and press Shift+R.</p>
      )}
      <ul ref={listRef} className="space-y-0.5" onPointerLeave={() => onHighlight(null)}>
        {arcs.slice(0, limit).map((arc, at) => (
          <li
            key={arc.key}
            className="group flex items-center gap-1"
            onPointerEnter={() => onHighlight(arc.key)}
          >
            <span className="h-0.5 w-3 shrink-0" style={{ backgroundColor: arc.color }} />
            <button
              type="button"
              data-relation-row={arc.key}
              aria-describedby={editable ? helpId : undefined}
              tabIndex={at === tabStop ? 0 : -1}
              onFocus={() => {
                setActive(at);
                onHighlight(arc.key);
              }}
              onBlur={() => onHighlight(null)}
              onClick={() => props.onGoTo(arc)}
              onKeyDown={(event) => onKeyDown(event, arc, at)}
              className="min-w-0 flex-1 truncate rounded px-1 py-0.5 text-start hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
            >
              {arc.name}
            </button>
            {editable && (
              <span className="flex shrink-0 gap-0.5 text-xs">
                <RowAction
                  label={`Change the type of ${arc.name}`}
                  onClick={(anchor) => props.onRetype(arc, anchor)}
                >
                  Type
                </RowAction>
                {arc.directed && (
                  <RowAction label={`Reverse ${arc.name}`} onClick={() => props.onReverse(arc)}>
                    ⇄
                  </RowAction>
                )}
                <RowAction label={`Delete ${arc.name}`} onClick={() => remove(arc, at)}>
                  ×
                </RowAction>
              </span>
            )}
          </li>
        ))}
      </ul>
      {arcs.length > limit && (
        <button
          type="button"
          onClick={() => setLimit(limit + pageSize * 10)}
          className="mt-1 px-2 text-xs underline"
        >
          Show {Math.min(arcs.length - limit, pageSize * 10)} more of {arcs.length}
        </button>
      )}
    </section>
  );
}

/** A row's button for the mouse; the keyboard has the row's own keys, so it is no Tab stop. */
function RowAction(props: { label: string; onClick: (anchor: DOMRect) => void; children: string }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={props.label}
      title={props.label}
      onClick={(event) => props.onClick(event.currentTarget.getBoundingClientRect())}
      className="rounded border border-zinc-300 px-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {props.children}
    </button>
  );
}

function rows(list: HTMLElement | null): HTMLElement[] {
  return list ? [...list.querySelectorAll<HTMLElement>("[data-relation-row]")] : [];
}
