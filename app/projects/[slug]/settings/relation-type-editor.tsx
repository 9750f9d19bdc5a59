"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { countOf } from "@/domain/count-of";
import { readableTextColor } from "@/domain/labels";
import { useTRPC } from "../../../_trpc/client";
import {
  DeleteWithConfirmation,
  MoveButtons,
  SaveButton,
  RowField,
  HotkeyField,
  inputClass,
  useRowFeedback,
  type RowFeedback,
} from "./scheme-editor-parts";

type Label = { id: number; name: string };
type RelationType = {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  directed: boolean;
  sourceLabelIds: number[];
  targetLabelIds: number[];
};

/** The relations annotators may draw: name, colour, key, direction and the labels at each end. */
export function RelationTypeEditor(props: {
  projectSlug: string;
  labels: Label[];
  relationTypes: RelationType[];
}) {
  const { projectSlug, labels, relationTypes } = props;
  const trpc = useTRPC();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], { name: "name" });
  const create = useMutation(trpc.scheme.relationType.create.mutationOptions(feedback.options));
  const [name, setName] = useState("");
  const id = useId();
  return (
    <div className="text-sm">
      <ol aria-label="Relation types" className="space-y-3">
        {relationTypes.map((type, index) => (
          <RelationTypeRow
            key={JSON.stringify(type)}
            projectSlug={projectSlug}
            labels={labels}
            type={type}
            first={index === 0}
            last={index === relationTypes.length - 1}
          />
        ))}
      </ol>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ projectSlug, type: { name } }, { onSuccess: () => setName("") });
        }}
      >
        <input
          aria-label="New relation type name"
          placeholder="New relation type"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
          required
          {...feedback.describe("name", id)}
        />
        <button type="submit" className="rounded border px-3 py-1">
          Add relation type
        </button>
        <div className="basis-full empty:hidden">
          {feedback.errorFor("name", id)}
          {feedback.errorFor("row", id)}
        </div>
      </form>
    </div>
  );
}

const rowFields = { name: "name", color: "color", hotkey: "hotkey", labels: "labels" } as const;

function RelationTypeRow(props: {
  projectSlug: string;
  labels: Label[];
  type: RelationType;
  first: boolean;
  last: boolean;
}) {
  const { projectSlug, labels, type } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], rowFields);
  const update = useMutation(trpc.scheme.relationType.update.mutationOptions(feedback.options));
  const move = useMutation(trpc.scheme.relationType.move.mutationOptions(feedback.options));
  const remove = useMutation(trpc.scheme.relationType.delete.mutationOptions(feedback.options));
  const [draft, setDraft] = useState(type);
  const changed = JSON.stringify(draft) !== JSON.stringify(type);
  const id = useId();
  const of = `relation type ${type.name}`;
  return (
    <li data-testid="relation-type-row" data-name={type.name}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const { id: typeId, ...fields } = draft;
          update.mutate({ projectSlug, typeId, type: fields });
        }}
      >
        <span
          style={{ backgroundColor: draft.color, color: readableTextColor(draft.color) }}
          className="w-24 truncate rounded px-2 py-0.5 text-center"
          title={draft.name}
        >
          {draft.name || "…"}
        </span>
        <RowField label="Name" error={feedback.errorFor("name", id)}>
          <input
            aria-label={`Name of ${of}`}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            className={`w-32 ${inputClass}`}
            {...feedback.describe("name", id)}
          />
        </RowField>
        <RowField label="Colour" error={feedback.errorFor("color", id)}>
          <input
            aria-label={`Colour of ${of}`}
            type="color"
            value={draft.color}
            onChange={(e) => setDraft({ ...draft, color: e.target.value })}
            className="h-8 w-10"
            {...feedback.describe("color", id)}
          />
        </RowField>
        <HotkeyField
          of={of}
          id={id}
          feedback={feedback}
          hotkey={draft.hotkey}
          onChange={(hotkey) => setDraft({ ...draft, hotkey })}
        />
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={draft.directed}
            onChange={(e) => setDraft({ ...draft, directed: e.target.checked })}
          />
          Directed
        </label>
        <LabelChoice
          end="From"
          of={of}
          labels={labels}
          chosen={draft.sourceLabelIds}
          onChange={(sourceLabelIds) => setDraft({ ...draft, sourceLabelIds })}
          feedback={feedback}
          id={id}
        />
        <LabelChoice
          end="To"
          of={of}
          labels={labels}
          chosen={draft.targetLabelIds}
          onChange={(targetLabelIds) => setDraft({ ...draft, targetLabelIds })}
          feedback={feedback}
          id={id}
        />
        <MoveButtons
          name={of}
          first={props.first}
          last={props.last}
          onMove={(direction) => move.mutate({ projectSlug, typeId: type.id, direction })}
        />
        <SaveButton changed={changed} />
        <DeleteWithConfirmation
          name={type.name}
          countUsage={async () =>
            (
              await queryClient.fetchQuery(
                trpc.scheme.relationType.usage.queryOptions(
                  { projectSlug, typeId: type.id },
                  { staleTime: 0 },
                ),
              )
            ).relations
          }
          describeUsage={(count) => `its ${countOf(count, "relation")}`}
          onConfirm={(count) =>
            remove.mutate({ projectSlug, typeId: type.id, confirmedRelationCount: count })
          }
        />
        <div className="basis-full empty:hidden">
          {feedback.errorFor("labels", id)}
          {feedback.errorFor("row", id)}
        </div>
      </form>
    </li>
  );
}

/** Which labels an end of the relation may be; none ticked means any label. */
function LabelChoice(props: {
  end: "From" | "To";
  of: string;
  labels: Label[];
  chosen: number[];
  onChange: (ids: number[]) => void;
  feedback: RowFeedback;
  id: string;
}) {
  const { chosen } = props;
  return (
    <fieldset
      className="flex flex-wrap items-center gap-2 rounded border px-2 py-1"
      {...props.feedback.describe("labels", props.id)}
    >
      <legend className="px-1 text-xs">
        {props.end} {chosen.length === 0 ? "(any label)" : ""}
      </legend>
      {props.labels.map((label) => (
        <label key={label.id} className="flex items-center gap-1">
          <input
            type="checkbox"
            aria-label={`${props.end} ${label.name} (${props.of})`}
            checked={chosen.includes(label.id)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...chosen, label.id] : chosen.filter((id) => id !== label.id),
              )
            }
          />
          {label.name}
        </label>
      ))}
    </fieldset>
  );
}
