import { coincidencesOfUnits, nominalAlpha } from "./krippendorff";
import type { AgreementScheme, AgreementSpan, AttributeAgreement } from "./types";

type Attribute = {
  label: string;
  name: string;
  kind: "boolean" | "choice";
  /** Category code of each value met, by its JSON ("null" = unset). */
  codes: Map<string, number>;
  /** Per unit, the codes of its values. */
  units: number[][];
};

/**
 * Attribute agreement: for each boolean or choice attribute, Krippendorff's alpha (nominal) over
 * the spans that two or more annotators of a document marked alike (same start, end and label),
 * each such span a unit and each annotator's value of the attribute on it a value. An unset
 * boolean is false; an unset choice is a value of its own ("not said" disagrees with "high").
 * Free-text attributes are left out: distinct wordings are no nominal scale.
 */
export class AttributeAgreementTally {
  /** By label, that label's attributes. */
  private readonly byLabel = new Map<string, Attribute[]>();
  private readonly attributes: Attribute[];

  constructor(scheme: AgreementScheme["attributes"]) {
    this.attributes = scheme.flatMap(({ label, name, kind }) =>
      kind === "text" ? [] : [{ label, name, kind, codes: new Map(), units: [] }],
    );
    for (const attribute of this.attributes) {
      this.byLabel.set(attribute.label, [...(this.byLabel.get(attribute.label) ?? []), attribute]);
    }
  }

  /** Adds a document from its submissions' spans (each annotator's spans once per content). */
  addDocument(submissions: readonly { spans: readonly AgreementSpan[] }[]) {
    if (this.attributes.length === 0 || submissions.length < 2) return;
    // Per span content, one span of each annotator who marked it.
    const marked = new Map<string, AgreementSpan[]>();
    for (const { spans } of submissions) {
      const seen = new Set<string>();
      for (const span of spans) {
        const key = `${span.start}:${span.end}:${span.label}`;
        if (seen.has(key) || !this.byLabel.has(span.label)) continue;
        seen.add(key);
        marked.set(key, [...(marked.get(key) ?? []), span]);
      }
    }
    for (const spans of marked.values()) {
      if (spans.length < 2) continue;
      for (const attribute of this.byLabel.get((spans[0] as AgreementSpan).label) ?? []) {
        attribute.units.push(spans.map((span) => codeOf(attribute, span)));
      }
    }
  }

  result(): AttributeAgreement[] {
    return this.attributes.map(({ label, name, kind, codes, units }) => ({
      label,
      attribute: name,
      kind,
      alpha: nominalAlpha(coincidencesOfUnits(units, codes.size)),
      units: units.length,
    }));
  }
}

function codeOf(attribute: Attribute, span: AgreementSpan): number {
  const value = span.attributes?.[attribute.name];
  const shown = attribute.kind === "boolean" ? value === true : (value ?? null);
  const key = JSON.stringify(shown);
  const known = attribute.codes.get(key);
  if (known !== undefined) return known;
  attribute.codes.set(key, attribute.codes.size);
  return attribute.codes.size - 1;
}
