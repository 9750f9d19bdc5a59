const button = "rounded border px-3 py-1 disabled:opacity-40";
const hint = "ml-1 font-mono text-xs text-muted";

/** Undo and Redo for mouse users, named with the keys that do the same on every page. */
export function UndoRedoButtons(props: {
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}) {
  return (
    <>
      <button
        type="button"
        onClick={props.onUndo}
        disabled={!props.canUndo}
        className={button}
        aria-keyshortcuts="Control+Z"
      >
        Undo
        <kbd aria-hidden="true" className={hint}>
          Ctrl+Z
        </kbd>
      </button>
      <button
        type="button"
        onClick={props.onRedo}
        disabled={!props.canRedo}
        className={button}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        Redo
        <kbd aria-hidden="true" className={hint}>
          Ctrl+Shift+Z
        </kbd>
      </button>
    </>
  );
}
