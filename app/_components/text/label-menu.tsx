"use client";

import type { ReactNode } from "react";
import type { TextLabel } from "./types";

type LabelMenuProps = {
  title: string;
  labels: TextLabel[];
  anchor: DOMRect;
  currentLabelId?: number;
  onPick: (label: TextLabel) => void;
  onClose: () => void;
  children?: ReactNode;
};

/** A small floating menu of labels beside a selection or a span; digits pick by hotkey too. */
export function LabelMenu({
  title,
  labels,
  anchor,
  currentLabelId,
  onPick,
  onClose,
  children,
}: LabelMenuProps) {
  return (
    <div
      role="dialog"
      aria-label={title}
      data-testid="label-menu"
      style={{ top: anchor.bottom + 6, left: Math.max(8, anchor.left) }}
      className="fixed z-20 w-56 rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="mb-1 flex items-center justify-between px-1 text-xs text-zinc-500">
        <span>{title}</span>
        <button type="button" onClick={onClose} aria-label="Close" className="px-1">
          ×
        </button>
      </div>
      <ul>
        {labels.map((label) => (
          <li key={label.id}>
            <button
              type="button"
              onClick={() => onPick(label)}
              title={label.description || undefined}
              aria-current={label.id === currentLabelId ? "true" : undefined}
              className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 aria-[current]:font-semibold dark:hover:bg-zinc-800"
            >
              <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} />
              <span className="flex-1">{label.name}</span>
              {label.hotkey && <kbd className="text-xs text-zinc-500">{label.hotkey}</kbd>}
            </button>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
