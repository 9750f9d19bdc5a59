"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { countOf } from "@/domain/count-of";
import { useTRPC } from "../../../_trpc/client";
import {
  DeleteWithConfirmation,
  MoveButtons,
  RowField,
  SaveButton,
  HotkeyField,
  inputClass,
  joinOptions,
  splitOptions,
  useRowFeedback,
  type RowFeedback,
} from "./scheme-editor-parts";

type Label = { id: number; name: string };
type Kind = "boolean" | "choice" | "text";
type Attribute = {
  id: number;
  labelId: number;
  name: string;
  kind: Kind;
  options: string[];
  hotkey: string | null;
};
type Draft = { name: string; kind: Kind; options: string; hotkey: string | null };

const fields = { name: "name", options: "options", hotkey: "hotkey" } as const;

// Options typed for "one of" and then left by choosing another kind are not the attribute's.
const optionsOf = (draft: Draft) => (draft.kind === "choice" ? splitOptions(draft.options) : []);

const kinds: Record<Kind, string> = { boolean: "Yes / no", choice: "One of", text: "Free text" };

/** Typed attributes of each label's spans (`negated`, `certainty: low, high`). */
export function AttributeEditor(props: {
  projectSlug: string;
  labels: Label[];
  attributes: Attribute[];
}) {
  const { projectSlug, labels, attributes } = props;
  const trpc = useTRPC();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], fields);
  const create = useMutation(trpc.scheme.attribute.create.mutationOptions(feedback.options));
  const empty: Draft = { name: "", kind: "boolean", options: "", hotkey: null };
  const [draft, setDraft] = useState(empty);
  const [labelId, setLabelId] = useState(labels[0]?.id ?? 0);
  const id = useId();
  return (
    <div className="text-sm">
      <ol aria-label="Attributes" className="space-y-2">
        {attributes.map((attribute) => {
          const siblings = attributes.filter((a) => a.labelId === attribute.labelId);
          return (
            <AttributeRow
              key={JSON.stringify(attribute)}
              projectSlug={projectSlug}
              attribute={attribute}
              labelName={labels.find((l) => l.id === attribute.labelId)?.name ?? ""}
              first={siblings[0]?.id === attribute.id}
              last={siblings.at(-1)?.id === attribute.id}
            />
          );
        })}
      </ol>
      <form
        aria-label="New attribute"
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const attribute = { ...draft, options: optionsOf(draft) };
          create.mutate({ projectSlug, labelId, attribute }, { onSuccess: () => setDraft(empty) });
        }}
      >
        <RowField label="Label">
          <select
            value={labelId}
            onChange={(e) => setLabelId(Number(e.target.value))}
            className={inputClass}
          >
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </RowField>
        <AttributeFields
          draft={draft}
          setDraft={setDraft}
          of="new attribute"
          feedback={feedback}
          id={id}
        />
        <button type="submit" className="rounded border px-3 py-1">
          Add attribute
        </button>
        <Errors feedback={feedback} id={id} />
      </form>
    </div>
  );
}

function AttributeRow(props: {
  projectSlug: string;
  attribute: Attribute;
  labelName: string;
  first: boolean;
  last: boolean;
}) {
  const { projectSlug, attribute } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], fields);
  const update = useMutation(trpc.scheme.attribute.update.mutationOptions(feedback.options));
  const move = useMutation(trpc.scheme.attribute.move.mutationOptions(feedback.options));
  const remove = useMutation(trpc.scheme.attribute.delete.mutationOptions(feedback.options));
  const saved: Draft = { ...attribute, options: joinOptions(attribute.options) };
  const [draft, setDraft] = useState(saved);
  const id = useId();
  const of = `attribute ${attribute.name} of ${props.labelName}`;
  return (
    <li data-testid="attribute-row" data-name={attribute.name} data-label={props.labelName}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const fields = { ...draft, options: optionsOf(draft) };
          update.mutate({ projectSlug, attributeId: attribute.id, attribute: fields });
        }}
      >
        <span className="w-24 truncate font-medium" title={props.labelName}>
          {props.labelName}
        </span>
        <AttributeFields draft={draft} setDraft={setDraft} of={of} feedback={feedback} id={id} />
        <MoveButtons
          name={of}
          first={props.first}
          last={props.last}
          onMove={(direction) => move.mutate({ projectSlug, attributeId: attribute.id, direction })}
        />
        <SaveButton changed={JSON.stringify(draft) !== JSON.stringify(saved)} />
        <DeleteWithConfirmation
          name={of}
          countUsage={async () =>
            (
              await queryClient.fetchQuery(
                trpc.scheme.attribute.usage.queryOptions(
                  { projectSlug, attributeId: attribute.id },
                  { staleTime: 0 },
                ),
              )
            ).spans
          }
          describeUsage={(count) => `its value on ${countOf(count, "span")}`}
          onConfirm={(count) =>
            remove.mutate({ projectSlug, attributeId: attribute.id, confirmedSpanCount: count })
          }
        />
        <Errors feedback={feedback} id={id} />
      </form>
    </li>
  );
}

/** Name, kind, options (for "one of") and hotkey: the same fields to add and to edit. */
function AttributeFields(props: {
  draft: Draft;
  setDraft: (draft: Draft) => void;
  of: string;
  feedback: RowFeedback;
  id: string;
}) {
  const { draft, setDraft, of, feedback, id } = props;
  return (
    <>
      <RowField label="Name" error={feedback.errorFor("name", id)}>
        <input
          aria-label={`Name of ${of}`}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          className={`w-32 ${inputClass}`}
          {...feedback.describe("name", id)}
        />
      </RowField>
      <RowField label="Kind">
        <select
          aria-label={`Kind of ${of}`}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}
          className={inputClass}
        >
          {Object.entries(kinds).map(([kind, text]) => (
            <option key={kind} value={kind}>
              {text}
            </option>
          ))}
        </select>
      </RowField>
      {draft.kind === "choice" && (
        <RowField label="Options, separated by commas" error={feedback.errorFor("options", id)}>
          <input
            aria-label={`Options of ${of}`}
            value={draft.options}
            placeholder="low, high"
            onChange={(e) => setDraft({ ...draft, options: e.target.value })}
            className={`w-40 ${inputClass}`}
            {...feedback.describe("options", id)}
          />
        </RowField>
      )}
      <HotkeyField
        of={of}
        id={id}
        feedback={feedback}
        hotkey={draft.hotkey}
        onChange={(hotkey) => setDraft({ ...draft, hotkey })}
      />
    </>
  );
}

/** A refusal about the attribute as a whole, after its fields. */
function Errors({ feedback, id }: { feedback: RowFeedback; id: string }) {
  return <div className="basis-full empty:hidden">{feedback.errorFor("row", id)}</div>;
}
