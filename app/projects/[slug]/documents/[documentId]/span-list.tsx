"use client";

import { memo, useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from "react";
import { labelTooltip } from "@/domain/labels";
import { spanKey } from "@/domain/span-edits";
import type { TextDirection } from "@/domain/text-direction";
import { spanRowDetails, spanRowText } from "../../../../_components/text/span-detail-marker";
import type { TextLabel, TextSpan } from "../../../../_components/text/types";

type SpanListProps = {
  text: string;
  /** The document's language and direction, which its quotes keep. */
  lang: string;
  dir: TextDirection;
  spans: readonly TextSpan[];
  labels: readonly TextLabel[];
  onPick: (span: TextSpan) => void;
};

const pageSize = 100;

/**
 * The document's spans grouped by label, with counts. One Tab stop: arrow keys, Home and End move
 * between the spans, Enter goes to one in the text. It follows the spans at low priority, so a
 * tag paints in the text before this list catches up.
 */
export function SpanList({ text, lang, dir, spans, labels, onPick }: SpanListProps) {
  const shown = useDeferredValue(spans);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const groups = useMemo(
    () =>
      labels
        .map((label) => ({ label, spans: shown.filter((span) => span.labelId === label.id) }))
        .filter((group) => group.spans.length > 0),
    [labels, shown],
  );
  const tabStop =
    activeKey && shown.some((span) => spanKey(span) === activeKey)
      ? activeKey
      : ((groups[0]?.spans[0] && spanKey(groups[0].spans[0])) ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-span-key]")];
    const at = items.findIndex((item) => item === document.activeElement);
    const targets: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    const target = items[targets[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  return (
    <nav aria-label="Spans by label" onKeyDown={onKeyDown} className="text-sm">
      <h2 className="mb-2 font-semibold">
        Spans <span className="font-normal text-muted">({shown.length})</span>
      </h2>
      {groups.length === 0 && <p className="text-muted">No spans yet.</p>}
      {groups.map((group) => (
        <SpanGroup
          key={group.label.id}
          text={text}
          lang={lang}
          dir={dir}
          label={group.label}
          spans={group.spans}
          tabStop={group.spans.some((span) => spanKey(span) === tabStop) ? tabStop : null}
          onActivate={setActiveKey}
          onPick={onPick}
        />
      ))}
    </nav>
  );
}

type SpanGroupProps = {
  text: string;
  lang: string;
  dir: TextDirection;
  label: TextLabel;
  spans: readonly TextSpan[];
  tabStop: string | null;
  onActivate: (key: string) => void;
  onPick: (span: TextSpan) => void;
};

const SpanGroup = memo(function SpanGroup(props: SpanGroupProps) {
  const { text, lang, dir, label, spans, tabStop, onActivate, onPick } = props;
  const headingId = useId();
  const [limit, setLimit] = useState(pageSize);
  return (
    <section
      aria-labelledby={headingId}
      className="mb-3"
      data-testid="span-group"
      data-label={label.name}
    >
      <h3 id={headingId} className="mb-1 flex items-center gap-2" title={labelTooltip(label)}>
        <span className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: label.color }} />
        <span className="min-w-0 truncate font-medium">{label.name}</span>
        <span className="text-muted" data-testid="span-group-count">
          {spans.length}
        </span>
      </h3>
      <ul className="space-y-0.5">
        {spans.slice(0, limit).map((span) => {
          const key = spanKey(span);
          return (
            <li key={key}>
              <button
                type="button"
                data-span-key={key}
                lang={lang}
                dir={dir}
                tabIndex={key === tabStop ? 0 : -1}
                onFocus={() => onActivate(key)}
                onClick={() => onPick(span)}
                className="w-full truncate rounded px-2 py-0.5 text-start hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
              >
                {spanRowText(text, span)}
                {spanRowDetails(span)}
              </button>
            </li>
          );
        })}
      </ul>
      {spans.length > limit && (
        <button
          type="button"
          onClick={() => setLimit(limit + pageSize * 10)}
          className="mt-1 px-2 text-xs underline"
        >
          Show {Math.min(spans.length - limit, pageSize * 10)} more of {spans.length}
        </button>
      )}
    </section>
  );
}, sameGroup);

function sameGroup(a: SpanGroupProps, b: SpanGroupProps): boolean {
  return (
    a.text === b.text &&
    a.lang === b.lang &&
    a.dir === b.dir &&
    a.label === b.label &&
    a.tabStop === b.tabStop &&
    a.onActivate === b.onActivate &&
    a.onPick === b.onPick &&
    a.spans.length === b.spans.length &&
    a.spans.every((span, i) => span === b.spans[i])
  );
}
