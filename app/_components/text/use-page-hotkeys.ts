"use client";

import { useEffect } from "react";
import { isOwnKeyTarget } from "../keyboard";

/**
 * Keys that act wherever the keyboard is on the page (a label's hotkey tags the selection or
 * cursor, or relabels the focused span), except in a field or control that takes keys itself.
 * Modified keys are left to the browser and the page's own shortcuts. The listener is added
 * anew after every render, as before the split, so it sees the latest state and keeps its
 * place after the page's other key listeners.
 */
export function usePageHotkeys(enabled: boolean, onKey: (event: KeyboardEvent) => void) {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isOwnKeyTarget(event.target)) return;
      onKey(event);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });
}
