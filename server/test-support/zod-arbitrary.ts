// Test support: values for any zod schema of the API, mostly well-formed (so calls get past the
// schema into the services) and sometimes not, for property-based tests with fast-check.
import fc from "fast-check";
import type { z } from "zod";

type Def = {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
};

/** Ids, slugs and names the seeded test database has, so that calls find what they name. */
export type KnownValues = { ids: number[]; strings: string[] };

const awkwardText = fc.constantFrom(
  "",
  " ",
  "PER",
  "Zoë 👍🏽 李雷",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "tab\there",
  "line\nbreak",
  "\u202eevil",
  "x".repeat(300),
);

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export function arbitraryFor(schema: z.ZodType, known: KnownValues): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known.ids) },
    { weight: 2, arbitrary: fc.integer({ min: -2, max: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom(2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, -0) },
  );
  switch (def.type) {
    case "string":
      if (def.format === "uuid") return fc.oneof(fc.uuid(), awkwardText);
      if (def.format === "email") return fc.oneof(fc.emailAddress(), awkwardText);
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known.strings) },
        { weight: 3, arbitrary: awkwardText },
        { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      );
    case "number":
      return def.format === "safeint" ? id : fc.oneof(fc.double(), fc.constantFrom(0, 0.5, 1, 2));
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...Object.values(def.entries ?? {})) },
        { weight: 1, arbitrary: awkwardText },
      );
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "array":
      return fc.array(arbitraryFor(def.element as z.ZodType, known), { maxLength: 4 });
    case "object":
      return objectFor(def.shape ?? {}, known);
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryFor(option, known)));
    case "optional":
    case "default":
      return fc.option(arbitraryFor(def.innerType as z.ZodType, known), {
        nil: undefined,
        freq: 2,
      });
    case "nullable":
      return fc.option(arbitraryFor(def.innerType as z.ZodType, known), { nil: null });
    case "pipe":
      return arbitraryFor(def.in as z.ZodType, known);
    case "tuple":
      return fc.tuple(...(def.items ?? []).map((item) => arbitraryFor(item, known)));
    case "record":
      return fc.dictionary(
        arbitraryFor(def.keyType as z.ZodType, known) as fc.Arbitrary<string>,
        arbitraryFor(def.valueType as z.ZodType, known),
        { maxKeys: 3 },
      );
    default:
      return fc.jsonValue();
  }
}

function objectFor(shape: Record<string, z.ZodType>, known: KnownValues) {
  const model = Object.fromEntries(
    Object.entries(shape).map(([key, value]) => [key, arbitraryFor(value, known)]),
  );
  const requiredKeys = Object.keys(shape).filter(
    (key) => !["optional", "default"].includes(defOf(shape[key] as z.ZodType).type),
  );
  const record = fc.record(model, { requiredKeys });
  // An object of optional fields only: naming none of them is an edge case of its own.
  return requiredKeys.length ? record : fc.oneof(fc.constant({}), record);
}

/**
 * A procedure's input: its input schemas (tRPC merges them, e.g. the project slug and the
 * procedure's own fields) as one object, or now and then any JSON at all.
 */
export function procedureInput(inputs: readonly z.ZodType[], known: KnownValues) {
  const parts = inputs.map((schema) => arbitraryFor(schema, known));
  const merged = parts.length
    ? fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter(isObject)))
    : fc.constant(undefined);
  return fc.oneof({ weight: 8, arbitrary: merged }, { weight: 1, arbitrary: fc.jsonValue() });
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
