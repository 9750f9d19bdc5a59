import type { TextSpan } from "./types";

/**
 * The span Tab (forward) or Shift+Tab goes to: the neighbour of the focused span in text order,
 * or, with none focused, the first span from `home` on (the cursor or the last place worked on).
 */
export function findNextSpan(
  spans: readonly TextSpan[],
  focused: TextSpan | undefined,
  home: number,
  forward: boolean,
): TextSpan | undefined {
  const at = focused ? spans.indexOf(focused) : -1;
  if (at >= 0) return spans[forward ? at + 1 : at - 1];
  return forward
    ? spans.find((span) => span.start >= home)
    : spans.findLast((span) => span.start < home);
}
