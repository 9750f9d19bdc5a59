"use client";

import {
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type Ref,
} from "react";
import { sameSpan, spanKey, type SpanContent } from "@/domain/span-edits";
import { groupByBlock, splitIntoBlocks } from "@/domain/text-blocks";
import type { TextDirection } from "@/domain/text-direction";
import { useAnnounce } from "../announcer";
import { useLatestCallback } from "../use-latest-callback";
import { AnnotatedText, type TextViewHandle } from "./annotated-text";
import { expandFragments, ownerKey, ownerOf, quoteSpan } from "./fragment-pieces";
import { domRangeOf, readTaggableSelection } from "./selection";
import { RelationMenu } from "./relation-menu";
import { RelationRubberBand } from "./relation-rubber-band";
import { useSpanDetails } from "./span-detail-parts";
import type { DetailEdit, TextAttribute } from "./span-detail-values";
import { SpanEditorMenus, type Menu } from "./span-editor-menus";
import { findNextSpan } from "./span-navigation";
import type { SpanClick } from "./text-block";
import type { TextLabel, TextRange, TextSpan } from "./types";
import { arrowKeys, cursorRange, useTokenCursor } from "./use-token-cursor";
import { usePageHotkeys } from "./use-page-hotkeys";
import { useRelationEditing, type RelationEditorProps } from "./use-relation-editing";

export type SpanEditorHandle = {
  /** Scrolls to a span, focuses it and puts the keyboard in the text. */
  focusSpan(span: TextSpan): void;
  /** Puts the keyboard cursor on a range (a search match, say) and scrolls to it. */
  selectRange(range: TextRange): void;
  /** The selected text or cursor range, if any. */
  currentRange(): TextRange | null;
  focus(): void;
  /** Opens a relation's menu (retype, reverse, delete), from the relation list say. */
  editRelation: ReturnType<typeof useRelationEditing>["edit"];
};

type SpanEditorProps = {
  text: string;
  spans: TextSpan[];
  labels: TextLabel[];
  /** Without it the text is read-only: no menus, no hotkeys, no cursor tagging. */
  editable: boolean;
  /** Each edit is the owner's to apply and to announce: only it knows if its rules accept it. */
  onAdd: (range: TextRange, label: TextLabel) => void;
  onRelabel: (span: TextSpan, label: TextLabel) => void;
  onDelete: (span: TextSpan) => void;
  /** The layer's relations and their edits; without them none are drawn. */
  relations?: RelationEditorProps;
  /** Attributes, notes, pieces and resizing; says whether the layer took the edit. */
  onEdit?: (edit: DetailEdit) => boolean;
  attributes?: readonly TextAttribute[];
  /** Widen selections to whole tokens (Alt while selecting keeps one selection as made). */
  snapToTokens?: boolean;
  matches?: readonly TextRange[];
  currentMatch?: TextRange | null;
  /** The document's language ("" when unknown) and direction. */
  lang: string;
  dir: TextDirection;
  ref?: Ref<SpanEditorHandle>;
};

const noMatches: readonly TextRange[] = [];
const noAttributes: readonly TextAttribute[] = [];

/**
 * A text with its spans, edited with the mouse or the keyboard alone. Mouse: select and pick a
 * label (menu or hotkey); click a span to relabel or delete it. Keyboard: arrows move a token
 * cursor, Shift+arrows extend it, a hotkey tags it; Tab and Shift+Tab walk through the spans; a
 * hotkey relabels the focused span, Delete or Backspace removes it, Enter opens the label menu.
 * Used for an annotator's own layer and for a document's gold layer alike.
 */
export function SpanEditor(props: SpanEditorProps) {
  const { text, spans, labels, editable, onAdd, onRelabel, onDelete, currentMatch, ref } = props;
  const snapping = props.snapToTokens ?? false;
  const viewRef = useRef<TextViewHandle>(null);
  const homeRef = useRef(0);
  const tabLeavesRef = useRef(false);
  const helpId = useId();
  const [menu, setMenu] = useState<Menu | null>(null);
  const [focused, setFocused] = useState<SpanContent | null>(null);
  const announce = useAnnounce();
  const { cursor, setCursor, move } = useTokenCursor(text, props.lang, props.dir);

  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels]);
  const labelsByHotkey = useMemo(
    () => new Map(labels.flatMap((label) => (label.hotkey ? [[label.hotkey, label]] : []))),
    [labels],
  );
  const blocks = useMemo(() => splitIntoBlocks(text), [text]);
  const spansByBlock = useMemo(() => groupByBlock(blocks, expandFragments(spans)), [blocks, spans]);
  const matches = props.matches ?? noMatches;
  const matchesByBlock = useMemo(() => groupByBlock(blocks, matches), [blocks, matches]);
  const findSpan = (content: SpanContent | null) =>
    content ? spans.find((span) => sameSpan(span, content)) : undefined;
  const focusedSpan = findSpan(focused);
  const focusedKey = focused && spanKey(focused);
  const cursorSpan = cursor ? cursorRange(cursor) : null;
  const quote = (range: TextRange) => quoteSpan(text, range);
  const labelName = (span: SpanContent) => labelsById.get(span.labelId)?.name ?? "?";

  const pane = () => viewRef.current?.element() ?? null;
  const focusText = () => pane()?.focus({ preventScroll: true });
  const clearSelection = () => window.getSelection()?.removeAllRanges();
  const relating = useRelationEditing({
    relations: props.relations,
    blocks,
    spans,
    focusedSpan,
    editable,
    announce,
    pane,
    focusText,
    describe: (span) => `${labelName(span)} ${quote(span)}`,
  });

  const focusOn = (span: TextSpan) => {
    setFocused(span);
    setCursor(null);
    homeRef.current = span.start;
    viewRef.current?.reveal(span);
    const position = spans.findIndex((other) => sameSpan(other, span)) + 1;
    announce(`${labelName(span)} ${quote(span)}, span ${position} of ${spans.length}`);
  };

  const tag = (label: TextLabel, range: TextRange) => {
    onAdd(range, label);
    clearSelection();
    setMenu(null);
    setCursor(null);
    setFocused({ ...range, labelId: label.id });
    homeRef.current = range.end;
  };

  const relabel = (span: TextSpan, label: TextLabel) => {
    onRelabel(span, label);
    setMenu(null);
    setFocused({ ...span, labelId: label.id });
  };

  const remove = (span: TextSpan) => {
    onDelete(span);
    setMenu(null);
    setFocused(null);
    homeRef.current = span.start;
  };

  /** The mouse selection, snapped to tokens unless the project or Alt says otherwise. */
  const readSelection = (snap: boolean) => {
    const container = pane();
    return container && readTaggableSelection(container, text, snap, props.lang);
  };

  const captureSelection = (event: ReactMouseEvent) => {
    if (!editable) return;
    const range = readSelection(snapping && !event.altKey);
    const container = pane();
    const shown = range && container && domRangeOf(container, range);
    if (!range || !shown) return setMenu(null);
    // Show what will be tagged: the selection as snapped and trimmed, not as dragged.
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(shown);
    setFocused(null);
    setCursor(null);
    setMenu({ kind: "selection", range, anchor: shown.getBoundingClientRect() });
  };

  const onSpanClick: SpanClick = useLatestCallback((clicked, anchor, covering) => {
    if (!window.getSelection()?.isCollapsed) return;
    // Clicking again where spans are stacked steps to the next one under the pointer.
    const at = covering.findIndex((span) => ownerKey(span) === focusedKey);
    const span = ownerOf(at >= 0 ? (covering[(at + 1) % covering.length] ?? clicked) : clicked);
    focusOn(span);
    // Below the whole span rather than the piece clicked, so the menu leaves its line readable.
    const container = pane();
    const below = (container && domRangeOf(container, span)?.getBoundingClientRect()) ?? anchor;
    if (relating.pickTarget(span, below)) return;
    if (editable) setMenu({ kind: "span", span, anchor: below });
  });

  const walkSpans = (forward: boolean): boolean => {
    const home = cursorSpan?.start ?? homeRef.current;
    const next = findNextSpan(spans, focusedSpan, home, forward);
    if (!next) return false;
    setMenu(null);
    focusOn(next);
    return true;
  };

  const openMenuFromKeyboard = () => {
    const container = pane();
    const target = cursorSpan ?? focusedSpan;
    const anchor = target && container && domRangeOf(container, target)?.getBoundingClientRect();
    if (!anchor || !editable) return;
    if (cursorSpan) setMenu({ kind: "selection", range: cursorSpan, anchor });
    else if (focusedSpan) setMenu({ kind: "span", span: focusedSpan, anchor });
  };

  const onTextKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Escape with nothing left to let go of, then Tab, leaves the text: a long document's spans
    // would otherwise hold the Tab key for thousands of presses.
    const leaving = tabLeavesRef.current;
    tabLeavesRef.current = event.key === "Escape" && !menu && !cursor && !focused;
    if (event.key in arrowKeys) {
      event.preventDefault();
      const home = { start: homeRef.current, end: homeRef.current };
      const origin = focusedSpan ?? (menu?.kind === "selection" ? menu.range : null) ?? home;
      const moved = move(
        arrowKeys[event.key as keyof typeof arrowKeys],
        event.shiftKey,
        origin,
        pane(),
      );
      if (!moved) return;
      setFocused(null);
      setMenu(null);
      clearSelection();
      homeRef.current = moved.start;
      viewRef.current?.reveal(moved);
      announce(text.slice(moved.start, moved.end));
    } else if (event.key === "Tab") {
      if (!leaving && walkSpans(!event.shiftKey)) event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!relating.openTypeMenu()) openMenuFromKeyboard();
    }
  };

  /** What a hotkey would tag: the menu's selection, the mouse's, or the keyboard cursor. */
  const currentRange = () =>
    (menu?.kind === "selection" ? menu.range : null) ?? readSelection(snapping) ?? cursorSpan;

  const details = useSpanDetails({
    ...props,
    snap: snapping,
    attributes: props.attributes ?? noAttributes,
    focusedSpan,
    menu,
    pane,
    currentRange,
    setMenu,
    refocus: (span) => {
      setMenu(null);
      setFocused(span);
      setCursor(null);
      clearSelection();
      homeRef.current = span.start;
    },
    say: announce,
  });

  usePageHotkeys(editable, (event) => {
    if (relating.onKey(event)) return;
    if (event.key === "Escape") {
      if (!menu && !cursor) setFocused(null);
      setMenu(null);
      setCursor(null);
      return;
    }
    if (focusedSpan && (event.key === "Delete" || event.key === "Backspace")) {
      event.preventDefault();
      remove(focusedSpan);
      focusText();
      return;
    }
    const label = labelsByHotkey.get(event.key.toLowerCase());
    if (!label) return;
    const range = currentRange();
    if (range) {
      event.preventDefault();
      tag(label, range);
    } else if (focusedSpan) {
      event.preventDefault();
      relabel(focusedSpan, label);
    } else return;
    focusText();
  });

  useImperativeHandle(ref, () => ({
    focusSpan(span) {
      setMenu(null);
      focusOn(span);
      focusText();
    },
    selectRange(range) {
      setMenu(null);
      setFocused(null);
      setCursor({ anchor: range, focus: range });
      homeRef.current = range.start;
      viewRef.current?.reveal(range);
    },
    currentRange,
    focus: focusText,
    editRelation: relating.edit,
  }));

  const closeMenu = () => {
    setMenu(null);
    focusText();
  };
  const menuSpan = menu?.kind === "span" ? findSpan(menu.span) : undefined;

  return (
    <>
      <p id={helpId} className="sr-only">
        Arrow keys move a word cursor, Shift with an arrow extends it, a label&apos;s key tags it.
        Tab and Shift+Tab go from span to span; Delete removes the focused span; Enter opens the
        label menu. Press Escape until nothing is selected, then Tab, to leave the text.
      </p>
      <AnnotatedText
        ref={viewRef}
        text={text}
        blocks={blocks}
        spansByBlock={spansByBlock}
        matchesByBlock={matchesByBlock}
        labelsById={labelsById}
        focusedKey={focusedKey}
        cursor={cursorSpan}
        currentMatch={currentMatch ?? null}
        onSpanClick={onSpanClick}
        relations={relating.drawing}
        onMouseUp={captureSelection}
        onKeyDown={onTextKeyDown}
        overlay={details.overlay}
        describedBy={helpId}
        lang={props.lang}
        dir={props.dir}
      />
      <SpanEditorMenus
        menu={menu}
        menuSpan={menuSpan}
        labels={labels}
        quote={quote}
        onTag={tag}
        onRelabel={relabel}
        onRemove={remove}
        onClose={closeMenu}
        onDismiss={() => setMenu(null)}
        details={details.menuDetails}
      />
      {relating.menuProps && <RelationMenu {...relating.menuProps} />}
      <RelationRubberBand lineRef={relating.dragLine} />
    </>
  );
}
