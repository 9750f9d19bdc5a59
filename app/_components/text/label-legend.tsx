import { labelTooltip } from "@/domain/labels";
import type { TextLabel } from "./types";

export function LabelLegend({ labels }: { labels: TextLabel[] }) {
  return (
    <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Labels">
      {labels.map((label) => (
        <li
          key={label.id}
          title={labelTooltip(label)}
          style={{ backgroundColor: label.color }}
          className="max-w-48 truncate rounded px-2 py-0.5 text-zinc-950"
        >
          {label.hotkey && <kbd className="mr-1 font-mono text-xs">{label.hotkey}</kbd>}
          {label.name}
        </li>
      ))}
    </ul>
  );
}
