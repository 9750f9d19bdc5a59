"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { labelTooltip } from "@/domain/labels";
import type { TextLabel } from "./types";

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
};

/**
 * A floating menu of labels beside a selection or a span. It is an ARIA menu: it takes the focus
 * when it opens, arrow keys, Home and End move through its items, Enter picks, Escape closes.
 * The labels' hotkeys work while it is open too.
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
}: LabelMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const items = menuItems(menuRef.current);
    const current = items.find((item) => item.getAttribute("aria-checked") === "true");
    (current ?? items[0])?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !menuRef.current?.contains(event.target)) onDismiss();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onDismiss]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems(menuRef.current);
    const at = items.findIndex((item) => item === document.activeElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={title}
      data-testid="label-menu"
      onKeyDown={onKeyDown}
      style={{
        top: Math.min(anchor.bottom + 6, window.innerHeight - 80),
        left: Math.max(8, anchor.left),
      }}
      className="fixed z-20 max-h-[60vh] w-56 overflow-y-auto rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="mb-1 truncate px-1 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
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
          {label.hotkey && (
            <kbd className="text-xs text-zinc-600 dark:text-zinc-400">{label.hotkey}</kbd>
          )}
        </button>
      ))}
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

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')] : [];
}
