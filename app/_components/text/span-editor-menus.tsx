"use client";

import type { ReactNode } from "react";
import type { SpanContent } from "@/domain/span-edits";
import { LabelMenu } from "./label-menu";
import type { DetailPart } from "./span-detail-menu";
import type { TextLabel, TextRange, TextSpan } from "./types";

export type Menu =
  | { kind: "selection"; range: TextRange; anchor: DOMRect }
  | { kind: "span"; span: SpanContent; anchor: DOMRect; part?: DetailPart };

/** The span editor's label menus: one to tag a selection, one to relabel or delete a span. */
export function SpanEditorMenus(props: {
  menu: Menu | null;
  /** The span the span menu is for, as shown now; none once it is gone. */
  menuSpan: TextSpan | undefined;
  labels: TextLabel[];
  quote: (range: TextRange) => string;
  onTag: (label: TextLabel, range: TextRange) => void;
  onRelabel: (span: TextSpan, label: TextLabel) => void;
  onRemove: (span: TextSpan) => void;
  onClose: () => void;
  onDismiss: () => void;
  /** The span menu's attributes, note and pieces, below its labels. */
  details?: ReactNode;
}) {
  const { menu, menuSpan, labels, onClose, onDismiss } = props;
  if (menu?.kind === "selection") {
    return (
      <LabelMenu
        title="Tag selection"
        labels={labels}
        anchor={menu.anchor}
        onPick={(label) => {
          props.onTag(label, menu.range);
          onClose();
        }}
        onClose={onClose}
        onDismiss={onDismiss}
      />
    );
  }
  if (!menu || !menuSpan) return null;
  return (
    <LabelMenu
      title={`Span ${props.quote(menuSpan)}`}
      labels={labels}
      anchor={menu.anchor}
      currentLabelId={menuSpan.labelId}
      onPick={(label) => {
        props.onRelabel(menuSpan, label);
        onClose();
      }}
      onDelete={() => {
        props.onRemove(menuSpan);
        onClose();
      }}
      onClose={onClose}
      onDismiss={onDismiss}
    >
      {props.details}
    </LabelMenu>
  );
}
