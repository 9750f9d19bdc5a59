"use client";

import type { ReactNode } from "react";
import { labelTooltip } from "@/domain/labels";
import type { TextLabel } from "./types";
import { useFloatingMenu } from "./use-floating-menu";

type LabelMenuProps = {
  title: string;
  labels: TextLabel[];
  anchor: DOMRect;
  currentLabelId?: number;
  onPick: (label: TextLabel) => void;
  /** Escape: close and give the keyboard back to the text. */
  onClose: () => void;
  /** A click elsewhere on the page: close, leaving the focus where the click put it. */
  onDismiss: () => void;
  /** For a span's menu: a last item that deletes it. */
  onDelete?: () => void;
  /** More items below the labels; one marked `data-autofocus` takes the focus first. */
  children?: ReactNode;
};

/**
 * A floating menu of labels beside a selection or a span. It is an ARIA menu: it takes the focus
 * when it opens, arrow keys, Home and End move through its items, Enter picks, Escape closes.
 * The labels' hotkeys work while it is open too. It is placed inside the window, scrolling
 * within itself when the labels do not fit, so every label stays in reach at any zoom.
 */
export function LabelMenu({
  title,
  labels,
  anchor,
  currentLabelId,
  onPick,
  onClose,
  onDismiss,
  onDelete,
  children,
}: LabelMenuProps) {
  const { menuRef, style, onMenuKey } = useFloatingMenu({ anchor, onClose, onDismiss });

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={title}
      data-testid="label-menu"
      onKeyDown={onMenuKey}
      style={style}
      className="fixed z-20 w-56 overflow-y-auto rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="mb-1 truncate px-1 text-xs text-muted" aria-hidden="true">
        {title}
      </p>
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          role="menuitemradio"
          aria-checked={label.id === currentLabelId}
          tabIndex={-1}
          onClick={() => onPick(label)}
          title={labelTooltip(label)}
          className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 aria-checked:font-semibold dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
        >
          <span className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: label.color }} />
          <span className="min-w-0 flex-1 truncate">{label.name}</span>
          {label.hotkey && <kbd className="text-xs text-muted">{label.hotkey}</kbd>}
        </button>
      ))}
      {children}
      {onDelete && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={onDelete}
          className="mt-2 w-full rounded border border-red-300 px-2 py-1 text-sm text-red-800 focus:bg-red-50 dark:text-red-200 dark:focus:bg-red-950"
        >
          Delete span
        </button>
      )}
    </div>
  );
}
