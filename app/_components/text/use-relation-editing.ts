"use client";

import { useMemo, useState } from "react";
import { sameSpan, type SpanContent } from "@/domain/span-edits";
import type { TextBlock } from "@/domain/text-blocks";
import { useLatestCallback } from "../use-latest-callback";
import { arrangeArcs, type RelationArc } from "./relation-layout";
import type { RelationMenuProps, RelationMenuState } from "./relation-menu";
import type { RelationDrawing } from "./relation-overlay";
import { domRangeOf } from "./selection";
import {
  orientRelation,
  relationOf,
  type RelationContent,
  type TextRelationType,
} from "./relation-types";
import type { TextSpan } from "./types";
import { useRelationDrag } from "./use-relation-drag";

/** A layer's relations as the editor gets them, and what it may do to them. */
export type RelationEditorProps = {
  arcs: readonly RelationArc[];
  types: readonly TextRelationType[];
  /** A relation hovered or focused here or in the list: both its ends light up. */
  highlighted: string | null;
  onHighlight: (key: string | null) => void;
  /** False when the layer's rules refuse it (the page shows why). */
  onRelate: (relation: RelationContent) => boolean;
  onRetype: (relation: RelationContent, type: TextRelationType) => void;
  onReverse: (relation: RelationContent) => void;
  onUnrelate: (relation: RelationContent) => void;
};

type Options = {
  relations: RelationEditorProps | undefined;
  blocks: readonly TextBlock[];
  spans: readonly TextSpan[];
  focusedSpan: TextSpan | undefined;
  editable: boolean;
  describe: (span: SpanContent) => string;
  announce: (message: string) => void;
  /** The text's scrolling pane. */
  pane: () => HTMLElement | null;
  /** Gives the keyboard back to the text. */
  focusText: () => void;
};

/**
 * Making and changing relations from the keyboard and the mouse. Shift+R on a focused span makes
 * it the pending source (the text keeps it outlined); Tab, Shift+Tab or a click goes to the
 * target; the type's key relates them, Enter or a click opens a menu of the types the two labels
 * allow; Escape lets go. A click on an arc opens its menu: retype, reverse, delete.
 */
export function useRelationEditing(options: Options) {
  const { relations, blocks, focusedSpan, editable, describe, announce } = options;
  const [pending, setPending] = useState<SpanContent | null>(null);
  const [menu, setMenu] = useState<RelationMenuState | null>(null);
  const types = useMemo(() => relations?.types ?? [], [relations?.types]);
  const typesByHotkey = useMemo(
    () => new Map(types.flatMap((type) => (type.hotkey ? [[type.hotkey, type]] : []))),
    [types],
  );
  const arcs = relations?.arcs;
  const arcsByBlock = useMemo(() => arrangeArcs(blocks, arcs ?? []), [blocks, arcs]);

  // A refused relation keeps its source pending, so that another type can be tried.
  const relate = (source: SpanContent, target: SpanContent, type: TextRelationType) => {
    if (relations?.onRelate(orientRelation(type, source, target))) setPending(null);
    setMenu(null);
  };

  const start = (span: TextSpan) => {
    setPending(span);
    setMenu(null);
    announce(
      `Relating from ${describe(span)}: go to the target span and press a relation's key, or Enter for the list. Escape cancels.`,
    );
  };

  const cancel = () => {
    setPending(null);
    announce("Relation cancelled");
  };

  /** The page-wide keys while the text has the keyboard; true when the key was a relation's. */
  const onKey = (event: KeyboardEvent): boolean => {
    if (!editable || !relations) return false;
    if (event.key === "R" && focusedSpan) {
      event.preventDefault();
      start(focusedSpan);
      return true;
    }
    if (!pending) return false;
    if (event.key === "Escape") {
      cancel();
      return true;
    }
    const type = typesByHotkey.get(event.key.toLowerCase());
    if (!type) return false;
    event.preventDefault();
    if (!focusedSpan || sameSpan(focusedSpan, pending)) {
      announce(`Go to the span to relate ${describe(pending)} to, then press ${type.hotkey}`);
    } else relate(pending, focusedSpan, type);
    return true;
  };

  /** Enter with a source pending and a target focused: the menu of allowed types. */
  const openTypeMenu = (): boolean => {
    if (!pending || !focusedSpan || sameSpan(pending, focusedSpan)) return false;
    const pane = options.pane();
    const anchor = pane && domRangeOf(pane, focusedSpan)?.getBoundingClientRect();
    if (anchor) setMenu({ kind: "new", source: pending, target: focusedSpan, anchor });
    return true;
  };

  /** A click on a span while a relation is pending picks it as the target. */
  const pickTarget = (span: TextSpan, anchor: DOMRect): boolean => {
    if (!pending) return false;
    if (sameSpan(span, pending)) return true;
    setMenu({ kind: "new", source: pending, target: span, anchor });
    return true;
  };

  const onPick = useLatestCallback((arc: RelationArc, anchor: DOMRect) => {
    if (!editable) return;
    setMenu({ kind: "existing", arc, anchor });
  });
  const onHover = useLatestCallback((key: string | null) => relations?.onHighlight(key));

  const drawing: RelationDrawing | undefined = useMemo(
    () =>
      arcs && {
        arcsByBlock,
        highlighted: relations?.highlighted ?? null,
        pending,
        onHover,
        onPick,
      },
    [arcs, arcsByBlock, relations?.highlighted, pending, onHover, onPick],
  );

  const close = () => {
    setMenu(null);
    options.focusText();
  };
  const menuProps: RelationMenuProps | null = menu && {
    menu,
    types,
    describe,
    onPick: (type) => {
      if (menu.kind === "new") relate(menu.source, menu.target, type);
      else if (type.id !== menu.arc.typeId) relations?.onRetype(relationOf(menu.arc), type);
      close();
    },
    onReverse: () => {
      if (menu.kind === "existing") relations?.onReverse(relationOf(menu.arc));
      close();
    },
    onDelete: () => {
      if (menu.kind === "existing") relations?.onUnrelate(relationOf(menu.arc));
      close();
    },
    onClose: close,
    onDismiss: () => setMenu(null),
  };

  const dragLine = useRelationDrag({
    enabled: editable && relations !== undefined,
    pane: options.pane,
    spans: options.spans,
    focusedSpan,
    onDrop: (source, target, anchor) => setMenu({ kind: "new", source, target, anchor }),
  });

  return {
    drawing,
    dragLine,
    menuProps,
    onKey,
    openTypeMenu,
    pickTarget,
    /** Opens an existing relation's menu, from the list say. */
    edit: (arc: RelationArc, anchor: DOMRect) => setMenu({ kind: "existing", arc, anchor }),
  };
}
