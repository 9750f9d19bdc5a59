"use client";

import { useEffect } from "react";
import { isOwnKeyTarget } from "../../../../_components/keyboard";

export type WorkspaceCommands = {
  undo(): void;
  redo(): void;
  previous(): void;
  next(): void;
  nextUnsubmitted(): void;
  submit(): void;
  showShortcuts(): void;
  openGuidelines(): void;
  find(): void;
};

/**
 * The annotation page's own keys (the text editor handles the label hotkeys, arrows, Tab and
 * Delete). Ctrl and ⌘ are the same here, so the keys work on every platform.
 */
export function useWorkspaceShortcuts(commands: WorkspaceCommands) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      // Ctrl+F replaces the browser's find, which cannot see the text scrolled out of the page.
      if (command && key === "f") return run(commands.find);
      if (isOwnKeyTarget(event.target)) return;
      if (command) {
        if (key === "z") run(event.shiftKey ? commands.redo : commands.undo);
        else if (key === "y") run(commands.redo);
        else if (key === "Enter") run(commands.submit);
        return;
      }
      const plain: Record<string, () => void> = {
        j: commands.next,
        "]": commands.next,
        k: commands.previous,
        "[": commands.previous,
        n: commands.nextUnsubmitted,
        "?": commands.showShortcuts,
        g: commands.openGuidelines,
        "/": commands.find,
      };
      const action = plain[key];
      if (action) run(action);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });
}
