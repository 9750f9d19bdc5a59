/**
 * Whether a key press belongs to what has the focus rather than to the page's shortcuts: typing
 * in a field, or anything inside an open dialog (which has its own keys).
 */
export function isOwnKeyTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, dialog") !== null;
}
