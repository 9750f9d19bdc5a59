"use client";

import { useEffect, useRef } from "react";
import type { SpanContent, DetailedSpan } from "@/domain/span-edits";
import type { TextDirection } from "@/domain/text-direction";
import { isOwnKeyTarget } from "../keyboard";
import { addFragmentEdit } from "./fragment-pieces";
import { resizeEdit } from "./span-detail-resize";
import type { DetailPart } from "./span-detail-menu";
import {
  attributesOfLabel,
  nextAttributeValue,
  setAttributeEdit,
  type DetailEdit,
  type TextAttribute,
} from "./span-detail-values";
import type { TextRange, TextSpan } from "./types";
import { useResizeKeys } from "./use-span-resize";

type SpanDetailOptions = {
  enabled: boolean;
  text: string;
  lang: string;
  dir: TextDirection;
  attributes: readonly TextAttribute[];
  focusedSpan: TextSpan | undefined;
  /** The span whose menu is open on its details part, if it is. */
  detailSpan: TextSpan | undefined;
  /** What F would add as a further piece: the selection or keyboard cursor. */
  currentRange: () => TextRange | null;
  /** Applies an edit, saying whether the layer's rules took it (a refusal is told by the store). */
  onEdit: (edit: DetailEdit) => boolean;
  openDetails: (span: DetailedSpan, part: DetailPart) => void;
  /** Focuses the span now at this content, as its edit left it. */
  refocus: (span: SpanContent) => void;
  say: (message: string) => void;
};

/**
 * The keys for a span's details, listened to before the page's other keys: with a span focused,
 * Shift+A opens its attributes (then each attribute's key sets it), Shift+N its note; Shift+F
 * adds the selection or cursor as a further piece of the span focused last; Alt+Shift+arrows
 * resize it (see useResizeKeys). Shift keeps them apart from the labels' keys, which are plain.
 */
export function useSpanDetailKeys(options: SpanDetailOptions) {
  const latest = useRef(options);
  // The span F extends: the one focused last, though moving the cursor to pick a piece let go of it.
  const extended = useRef<DetailedSpan | undefined>(undefined);
  useEffect(() => {
    latest.current = options;
    if (options.focusedSpan) extended.current = options.focusedSpan;
  });

  const resize = (span: TextSpan, range: TextRange) => {
    const edit = resizeEdit(span, range);
    if (edit && latest.current.onEdit(edit))
      latest.current.refocus({ ...range, labelId: span.labelId });
  };
  useResizeKeys({ ...options, span: options.focusedSpan, onResize: resize });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const current = latest.current;
      if (!current.enabled || event.defaultPrevented || isOwnKeyTarget(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const act = (action: () => void) => {
        event.preventDefault();
        event.stopPropagation();
        action();
      };
      if (event.key === "Escape" && !current.focusedSpan) extended.current = undefined;
      const span = current.focusedSpan;
      if (event.shiftKey && event.key === "A" && span)
        return act(() => current.openDetails(span, "attributes"));
      if (event.shiftKey && event.key === "N" && span)
        return act(() => current.openDetails(span, "note"));
      if (event.shiftKey && event.key === "F" && extended.current) {
        const owner = extended.current;
        const range = current.currentRange();
        if (!range) return;
        return act(() => {
          const edit = addFragmentEdit(owner, range);
          if (typeof edit === "string") return current.say(edit);
          if (current.onEdit(edit)) current.refocus(owner);
        });
      }
      const described = current.detailSpan;
      if (!described || event.shiftKey) return;
      const attribute = attributesOfLabel(current.attributes, described.labelId).find(
        (candidate) => candidate.hotkey === event.key.toLowerCase(),
      );
      if (!attribute) return;
      const value = nextAttributeValue(attribute, described.attributes?.[attribute.name]);
      // A free-text attribute is typed in the menu, where its field already is.
      if (value === null) return;
      act(() => {
        const edit = setAttributeEdit(described, attribute.name, value);
        if (edit) current.onEdit(edit);
      });
    }
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);

  return { resize };
}
