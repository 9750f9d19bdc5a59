"use client";

import { useEffect } from "react";
import { isOwnKeyTarget } from "../../../../../_components/keyboard";

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ as Ctrl), as on the annotation page. */
export function useUndoKeys(undo: () => void, redo: () => void) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (isOwnKeyTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key !== "z" && key !== "y") return;
      event.preventDefault();
      if (key === "z" && !event.shiftKey) undo();
      else redo();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });
}
