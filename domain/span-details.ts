/** A value of a span attribute: a boolean attribute's flag, or a one-of or free-text attribute's text. */
export type AttributeValue = boolean | string;

/** A span's attribute values by attribute name; an attribute left unset is absent. */
export type SpanAttributes = Record<string, AttributeValue>;

/** [start, end) of one further piece of a discontinuous span, in UTF-16 code units. */
export type SpanFragment = [number, number];

/** What a span carries beyond its range and label. */
export type SpanDetails = { attributes: SpanAttributes; note: string; fragments: SpanFragment[] };

export const noDetails: SpanDetails = { attributes: {}, note: "", fragments: [] };
