/**
 * The current browser selection as UTF-16 offsets into `container`'s text, or null when nothing
 * inside it is selected. The container must hold only the document text (no other text nodes).
 */
export function readSelectionOffsets(
  container: HTMLElement,
): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  return {
    start: offsetOf(container, range.startContainer, range.startOffset),
    end: offsetOf(container, range.endContainer, range.endOffset),
  };
}

function offsetOf(container: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}
