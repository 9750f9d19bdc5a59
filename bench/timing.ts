/** Best of `runs` wall-clock timings in milliseconds: the least disturbed by a noisy machine. */
export async function bestOf<T>(
  runs: number,
  work: () => T | Promise<T>,
): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result: result as T };
}

export function printRow(name: string, ms: number, detail = "") {
  console.log(`  ${name.padEnd(44)} ${ms.toFixed(0).padStart(8)} ms  ${detail}`);
}
