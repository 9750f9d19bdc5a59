import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { placeMenu, type MenuPlacement } from "./menu-placement";

/** A long menu takes at most this share of the window's height, and scrolls. */
const tallestShare = 0.6;

/**
 * What every floating ARIA menu beside the text does: it is placed inside the window before its
 * first paint (and again when the window changes size, zooming too), takes the focus once placed
 * (an item marked `data-autofocus`, else the checked one, else the first), closes on a pointer
 * press elsewhere, and moves among its items with arrows, Home and End; Escape and Tab close it.
 */
export function useFloatingMenu({
  anchor,
  onClose,
  onDismiss,
}: {
  anchor: DOMRect;
  /** Escape or Tab: close and give the keyboard back to the text. */
  onClose: () => void;
  /** A click elsewhere on the page: close, leaving the focus where the click put it. */
  onDismiss: () => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<MenuPlacement | null>(null);
  const placed = placement !== null;

  useLayoutEffect(() => {
    const place = () => {
      const menu = menuRef.current;
      if (!menu) return;
      // The root's client size is the window without its scroll bars.
      const { clientWidth, clientHeight } = document.documentElement;
      const borders = menu.offsetHeight - menu.clientHeight;
      const height = Math.min(menu.scrollHeight + borders, clientHeight * tallestShare);
      const viewport = { width: clientWidth, height: clientHeight };
      setPlacement(placeMenu(anchor, { width: menu.offsetWidth, height }, viewport));
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [anchor]);

  // Once placed, so that focusing the current item scrolls the menu to it, never the page.
  useEffect(() => {
    if (!placed) return;
    const items = menuItems(menuRef.current);
    const current = items.find((item) => item.getAttribute("aria-checked") === "true");
    const first = menuRef.current?.querySelector<HTMLElement>("[data-autofocus]");
    (first ?? current ?? items[0])?.focus();
  }, [placed]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !menuRef.current?.contains(event.target)) onDismiss();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onDismiss]);

  /** Moves or closes for the menu's own keys; false for any other key, left to the caller. */
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): boolean => {
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
      return true;
    }
    if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return true;
    }
    return false;
  };

  const style = placement ?? { top: 0, left: 0, visibility: "hidden" as const };
  return { menuRef, style, onMenuKey };
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')] : [];
}
