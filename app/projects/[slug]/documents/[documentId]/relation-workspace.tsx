"use client";

import { useMemo, useState, type RefObject } from "react";
import { sameSpan } from "@/domain/span-edits";
import type { SpanEditorHandle } from "../../../../_components/text/span-editor";
import {
  relationOf,
  type RelationContent,
  type TextRelationType,
} from "../../../../_components/text/relation-types";
import type { TextLabel, TextSpan } from "../../../../_components/text/types";
import {
  useRelationActions,
  type RelationEdit,
} from "../../../../_components/text/use-relation-actions";
import { RelationDeleteDialog, useDeleteConfirmation } from "./relation-delete-dialog";
import { RelationList } from "./relation-list";

type Options = {
  text: string;
  labels: readonly TextLabel[];
  spans: readonly TextSpan[];
  relations: readonly RelationContent[];
  types: readonly TextRelationType[];
  editable: boolean;
  editorRef: RefObject<SpanEditorHandle | null>;
  perform: (edits: RelationEdit[]) => boolean;
  /** Deletes a span (its relations go with it), once the annotator has agreed. */
  deleteSpan: (span: TextSpan) => void;
};

/**
 * The annotation page's relations: what the text editor draws and edits, the list in the side
 * panel, and the question asked before a span is deleted with relations. A project without
 * relation types, whose layer has none, shows none of it.
 */
export function useWorkspaceRelations(options: Options) {
  const { text, labels, spans, editable, editorRef } = options;
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels]);
  const { arcs, editor, relationsOf, describeSpan } = useRelationActions({
    text,
    relations: options.relations,
    types: options.types,
    labelsById,
    highlighted,
    onHighlight: setHighlighted,
    perform: options.perform,
  });
  const confirmation = useDeleteConfirmation();
  const shown = options.types.length > 0 || options.relations.length > 0;

  const remove = (span: TextSpan) =>
    confirmation.ask(describeSpan(span), relationsOf(span), () => options.deleteSpan(span));

  const list = shown && (
    <RelationList
      arcs={arcs}
      editable={editable}
      onHighlight={setHighlighted}
      onGoTo={(arc) => {
        const source = spans.find((span) => sameSpan(span, arc.source));
        if (source) editorRef.current?.focusSpan(source);
      }}
      onRetype={(arc, anchor) => editorRef.current?.editRelation(arc, anchor)}
      onReverse={(arc) => editor.onReverse(relationOf(arc))}
      onDelete={(arc) => editor.onUnrelate(relationOf(arc))}
    />
  );
  const dialog = (
    <RelationDeleteDialog
      question={confirmation.question}
      onClose={() => {
        confirmation.close();
        editorRef.current?.focus();
      }}
    />
  );
  return { editor: shown ? editor : undefined, remove, list, dialog };
}
