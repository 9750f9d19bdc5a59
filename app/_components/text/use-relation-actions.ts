"use client";

import { useMemo } from "react";
import { sameSpan, type SpanContent } from "@/domain/span-edits";
import { useLatestCallback } from "../use-latest-callback";
import {
  describeRelations,
  orientRelation,
  type RelationContent,
  type TextRelationType,
} from "./relation-types";
import type { RelationEditorProps } from "./use-relation-editing";
import type { TextLabel } from "./types";

export type RelationEdit = { kind: "relate" | "unrelate"; relations: RelationContent[] };

type Options = {
  text: string;
  relations: readonly RelationContent[];
  types: readonly TextRelationType[];
  labelsById: ReadonlyMap<number, TextLabel>;
  highlighted: string | null;
  onHighlight: (key: string | null) => void;
  /**
   * Applies the edits as one step, to undo at once (a retype is an unrelate and a relate);
   * false when the layer's rules refuse them.
   */
  perform: (edits: RelationEdit[]) => boolean;
};

/** Longer quotes are cut, so that a relation's name still fits a row. */
const quoteLength = 40;

/**
 * A layer's relations as the page draws and lists them, and their edits as layer edits: every
 * change goes through the layer's store, so undo, redo, saving and refusals work as for spans.
 */
export function useRelationActions(options: Options) {
  const { text, relations, types, labelsById, perform } = options;
  const arcs = useMemo(() => {
    const quote = (span: SpanContent) => {
      const words = text.slice(span.start, span.end);
      return `“${words.length > quoteLength ? `${words.slice(0, quoteLength - 1)}…` : words}”`;
    };
    return describeRelations(relations, types, quote);
  }, [text, relations, types]);

  const swap = (relation: RelationContent, type: TextRelationType, reverse: boolean) => {
    const next = reverse
      ? orientRelation(type, relation.target, relation.source)
      : orientRelation(type, relation.source, relation.target);
    perform([
      { kind: "unrelate", relations: [relation] },
      { kind: "relate", relations: [next] },
    ]);
  };
  const typeOf = (relation: RelationContent) => types.find((type) => type.id === relation.typeId);

  const editor: RelationEditorProps = {
    arcs,
    types,
    highlighted: options.highlighted,
    onHighlight: options.onHighlight,
    onRelate: (relation) => perform([{ kind: "relate", relations: [relation] }]),
    onUnrelate: (relation) => perform([{ kind: "unrelate", relations: [relation] }]),
    onRetype: (relation, type) => swap(relation, type, false),
    onReverse: (relation) => {
      const type = typeOf(relation);
      if (type?.directed) swap(relation, type, true);
    },
  };

  /** "PER “Kim”", and how many relations deleting that span would take with it. */
  const relationsOf = useLatestCallback(
    (span: SpanContent) =>
      relations.filter(
        (relation) => sameSpan(relation.source, span) || sameSpan(relation.target, span),
      ).length,
  );
  const describeSpan = (span: SpanContent) =>
    `${labelsById.get(span.labelId)?.name ?? "?"} “${text.slice(span.start, span.end)}”`;

  return { arcs, editor, relationsOf, describeSpan };
}
