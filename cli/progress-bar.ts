import { Presets, SingleBar } from "cli-progress";

/**
 * A progress bar on standard error, drawn when a person is watching (a terminal) or when asked;
 * standard output stays for data and summaries.
 */
export function createProgressBar(
  task: string,
  unit: string,
  forced: boolean,
  detail = " | {documents} documents",
) {
  if (!process.stderr.isTTY && !forced) return null;
  return new SingleBar(
    {
      stream: process.stderr,
      format: `${task} [{bar}] {percentage}% | {value}/{total} ${unit}${detail}`,
      noTTYOutput: forced,
      notTTYSchedule: 1000,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
}
