// Test support: narrowing helpers that fail the test, instead of a `!`, where a value must be.

/** The element at `index`, failing the test when there is none. */
export function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element ${index} in a list of ${list.length}`);
  return value;
}

/** Narrows away undefined and null, failing the test where a value should be. */
export function present<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}
