"use client";

import type { KeyboardEvent } from "react";
import type { SpanContent } from "@/domain/span-edits";
import type { RelationArc } from "./relation-layout";
import { typesAllowedBetween, type TextRelationType } from "./relation-types";
import { useFloatingMenu } from "./use-floating-menu";

export type RelationMenuState =
  | { kind: "new"; source: SpanContent; target: SpanContent; anchor: DOMRect }
  | { kind: "existing"; arc: RelationArc; anchor: DOMRect };

export type RelationMenuProps = {
  menu: RelationMenuState;
  types: readonly TextRelationType[];
  describe: (span: SpanContent) => string;
  onPick: (type: TextRelationType) => void;
  onReverse: () => void;
  onDelete: () => void;
  /** Escape: close and give the keyboard back to the text. */
  onClose: () => void;
  /** A click elsewhere: close, leaving the focus where the click put it. */
  onDismiss: () => void;
};

/**
 * The menu of relation types beside a pair of spans or an arc: for a new relation only the types
 * the two labels allow, for an existing one every allowed type (to retype it), Reverse for a
 * directed one, and Delete. An ARIA menu like the label menu: arrows, Home, End, Enter, Escape,
 * and each type's own key.
 */
export function RelationMenu(props: RelationMenuProps) {
  const { menu, types, describe, onPick, onClose, onDismiss } = props;
  const { menuRef, style, onMenuKey } = useFloatingMenu({
    anchor: menu.anchor,
    onClose,
    onDismiss,
  });
  const [source, target] =
    menu.kind === "new" ? [menu.source, menu.target] : [menu.arc.source, menu.arc.target];
  const allowed = typesAllowedBetween(types, source, target);
  const current = menu.kind === "existing" ? menu.arc : null;
  const title = current ? current.name : `Relate ${describe(source)} to ${describe(target)}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The page's own keys (a label's, Delete) must not act on the text behind the menu.
    event.stopPropagation();
    if (onMenuKey(event)) return;
    const byKey = allowed.find((type) => type.hotkey === event.key.toLowerCase());
    if (byKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onPick(byKey);
    }
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={title}
      data-testid="relation-menu"
      onKeyDown={onKeyDown}
      style={style}
      className="fixed z-20 max-h-[60vh] w-64 overflow-y-auto rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="mb-1 truncate px-1 text-xs text-muted" aria-hidden="true">
        {title}
      </p>
      {allowed.length === 0 && (
        <p className="px-2 py-1 text-sm" role="note">
          No relation type allows these two labels.
        </p>
      )}
      {allowed.map((type) => (
        <button
          key={type.id}
          type="button"
          role="menuitemradio"
          aria-checked={type.id === current?.typeId}
          tabIndex={-1}
          onClick={() => onPick(type)}
          className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 aria-checked:font-semibold dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
        >
          <span className="h-0.5 w-4 shrink-0" style={{ backgroundColor: type.color }} />
          <span className="min-w-0 flex-1 truncate">
            {type.name} {type.directed ? "→" : "—"}
          </span>
          {type.hotkey && <kbd className="text-xs text-muted">{type.hotkey}</kbd>}
        </button>
      ))}
      {current && (
        <div className="mt-2 flex gap-2">
          {current.directed && (
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={props.onReverse}
              className="flex-1 rounded border px-2 py-1 text-sm focus:bg-zinc-100 dark:focus:bg-zinc-800"
            >
              Reverse
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={props.onDelete}
            className="flex-1 rounded border border-red-300 px-2 py-1 text-sm text-red-800 focus:bg-red-50 dark:text-red-200 dark:focus:bg-red-950"
          >
            Delete relation
          </button>
        </div>
      )}
    </div>
  );
}
