/**
 * What a project's annotation scheme asks of a layer beyond its span labels: the relation types
 * (and which labels their ends may have), the attributes each label's spans take, and the
 * document label sets. The workspace's `scheme` answer has these shapes (and more), so the
 * browser judges an edit by the same scheme the server does.
 */
export type RelationTypeRule = {
  id: number;
  name: string;
  directed: boolean;
  /** Labels a relation of this type may start from; empty allows every label. */
  sourceLabelIds: readonly number[];
  targetLabelIds: readonly number[];
};

export type AttributeRule = {
  id: number;
  labelId: number;
  name: string;
  kind: "boolean" | "choice" | "text";
  /** The values a "choice" attribute takes. */
  options: readonly string[];
};

export type DocumentLabelSetRule = {
  id: number;
  name: string;
  multiple: boolean;
  options: readonly { id: number; name: string }[];
};

export type LayerScheme = {
  relationTypes: readonly RelationTypeRule[];
  attributes: readonly AttributeRule[];
  documentLabelSets: readonly DocumentLabelSetRule[];
};

/**
 * What a layer's edits must respect: its document's text, its project's labels and overlap rule,
 * and the project's scheme (none when left out).
 */
export type LayerRules = {
  text: string;
  allowOverlap: boolean;
  /** The project's labels, id to name. */
  labels: ReadonlyMap<number, string>;
  scheme?: LayerScheme;
};

export const emptyScheme: LayerScheme = {
  relationTypes: [],
  attributes: [],
  documentLabelSets: [],
};

/** The longest note a span takes, and the longest value of a free-text attribute. */
export const maxNoteLength = 10_000;
export const maxAttributeTextLength = 1_000;
