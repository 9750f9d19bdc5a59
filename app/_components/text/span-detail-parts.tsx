"use client";

import type { ReactNode } from "react";
import { sameSpan, type SpanContent, type DetailedSpan } from "@/domain/span-edits";
import type { TextDirection } from "@/domain/text-direction";
import { domRangeOf } from "./selection";
import { SpanDetailHandles } from "./span-detail-handles";
import { useSpanDetailKeys } from "./span-detail-keys";
import { SpanDetailMenu, type DetailPart } from "./span-detail-menu";
import type { DetailEdit, TextAttribute } from "./span-detail-values";
import type { Menu } from "./span-editor-menus";
import type { TextSpan } from "./types";

/**
 * What the span editor shows and listens to for a span's details: its attributes, note and
 * further pieces in the span menu, handles to drag its edges, and the keys for all of them.
 * Without `onEdit` (a read-only layer) there is none of it.
 */
export function useSpanDetails(options: {
  editable: boolean;
  text: string;
  lang: string;
  dir: TextDirection;
  snap: boolean;
  spans: readonly TextSpan[];
  attributes: readonly TextAttribute[];
  focusedSpan: TextSpan | undefined;
  menu: Menu | null;
  pane: () => HTMLElement | null;
  currentRange: () => { start: number; end: number } | null;
  onEdit?: (edit: DetailEdit) => boolean;
  setMenu: (menu: Menu | null) => void;
  refocus: (span: SpanContent) => void;
  say: (message: string) => void;
}) {
  const { menu, spans, focusedSpan, onEdit, pane } = options;
  const enabled = options.editable && onEdit !== undefined;
  const edit = (change: DetailEdit) => onEdit?.(change) ?? false;
  const menuSpan =
    menu?.kind === "span" ? spans.find((span) => sameSpan(span, menu.span)) : undefined;

  const openDetails = (span: DetailedSpan, part: DetailPart) => {
    const container = pane();
    const anchor = container && domRangeOf(container, span)?.getBoundingClientRect();
    if (anchor) options.setMenu({ kind: "span", span, anchor, part });
  };
  const { resize } = useSpanDetailKeys({
    ...options,
    enabled,
    detailSpan: menu?.kind === "span" && menu.part ? menuSpan : undefined,
    onEdit: edit,
    openDetails,
  });

  const overlay: ReactNode = enabled && focusedSpan && (
    <SpanDetailHandles
      span={focusedSpan}
      text={options.text}
      lang={options.lang}
      dir={options.dir}
      snap={options.snap}
      pane={pane}
      onResize={(range) => resize(focusedSpan, range)}
    />
  );
  const menuDetails: ReactNode = enabled && menuSpan && menu?.kind === "span" && (
    <SpanDetailMenu
      text={options.text}
      span={menuSpan}
      attributes={options.attributes}
      part={menu.part}
      onEdit={edit}
    />
  );
  return { overlay, menuDetails };
}
