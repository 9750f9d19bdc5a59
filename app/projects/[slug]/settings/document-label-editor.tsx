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
  splitOptions,
  useRowFeedback,
} from "./scheme-editor-parts";

type Option = { id: number; name: string; hotkey: string | null };
type LabelSet = { id: number; name: string; multiple: boolean; options: Option[] };

const choices = (count: number) => `its ${countOf(count, "choice")} in documents`;

/** Questions asked of whole documents ("topic", "stance") and the labels that answer them. */
export function DocumentLabelEditor(props: { projectSlug: string; sets: LabelSet[] }) {
  const { projectSlug, sets } = props;
  const trpc = useTRPC();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], { name: "name", options: "options" });
  const create = useMutation(trpc.scheme.documentLabel.createSet.mutationOptions(feedback.options));
  const empty = { name: "", multiple: false, options: "" };
  const [draft, setDraft] = useState(empty);
  const id = useId();
  return (
    <div className="space-y-4 text-sm">
      <ol aria-label="Document label sets" className="space-y-4">
        {sets.map((set, index) => (
          <SetRow
            key={`${set.id}-${set.name}-${set.multiple}`}
            projectSlug={projectSlug}
            set={set}
            first={index === 0}
            last={index === sets.length - 1}
          />
        ))}
      </ol>
      <form
        aria-label="New document label set"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const options = splitOptions(draft.options).map((name) => ({ name }));
          create.mutate(
            { projectSlug, set: { name: draft.name, multiple: draft.multiple, options } },
            { onSuccess: () => setDraft(empty) },
          );
        }}
      >
        <RowField label="Set name" error={feedback.errorFor("name", id)}>
          <input
            aria-label="New document label set name"
            placeholder="topic"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            className={inputClass}
            required
            {...feedback.describe("name", id)}
          />
        </RowField>
        <RowField label="Labels, separated by commas" error={feedback.errorFor("options", id)}>
          <input
            aria-label="Labels of the new set"
            placeholder="military, diplomacy"
            value={draft.options}
            onChange={(e) => setDraft({ ...draft, options: e.target.value })}
            className={`w-56 ${inputClass}`}
          />
        </RowField>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={draft.multiple}
            onChange={(e) => setDraft({ ...draft, multiple: e.target.checked })}
          />
          Several may be chosen
        </label>
        <button type="submit" className="rounded border px-3 py-1">
          Add document label set
        </button>
        <div className="basis-full empty:hidden">{feedback.errorFor("row", id)}</div>
      </form>
    </div>
  );
}

function SetRow(props: { projectSlug: string; set: LabelSet; first: boolean; last: boolean }) {
  const { projectSlug, set } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], { name: "name" });
  const optionFeedback = useRowFeedback([trpc.scheme.pathKey()], {});
  const update = useMutation(trpc.scheme.documentLabel.updateSet.mutationOptions(feedback.options));
  const move = useMutation(trpc.scheme.documentLabel.moveSet.mutationOptions(feedback.options));
  const remove = useMutation(trpc.scheme.documentLabel.deleteSet.mutationOptions(feedback.options));
  const addOption = useMutation(
    trpc.scheme.documentLabel.createOption.mutationOptions(optionFeedback.options),
  );
  const [draft, setDraft] = useState({ name: set.name, multiple: set.multiple });
  const [newOption, setNewOption] = useState("");
  const id = useId();
  const of = `document label set ${set.name}`;
  return (
    <li data-testid="document-label-set" data-name={set.name} className="rounded border p-2">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ projectSlug, setId: set.id, set: draft });
        }}
      >
        <RowField label="Set name" error={feedback.errorFor("name", id)}>
          <input
            aria-label={`Name of ${of}`}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            className={`w-32 font-medium ${inputClass}`}
            {...feedback.describe("name", id)}
          />
        </RowField>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={draft.multiple}
            onChange={(e) => setDraft({ ...draft, multiple: e.target.checked })}
          />
          Several may be chosen
        </label>
        <MoveButtons
          name={of}
          first={props.first}
          last={props.last}
          onMove={(direction) => move.mutate({ projectSlug, setId: set.id, direction })}
        />
        <SaveButton changed={draft.name !== set.name || draft.multiple !== set.multiple} />
        <DeleteWithConfirmation
          name={of}
          countUsage={async () =>
            (
              await queryClient.fetchQuery(
                trpc.scheme.documentLabel.setUsage.queryOptions(
                  { projectSlug, setId: set.id },
                  { staleTime: 0 },
                ),
              )
            ).choices
          }
          describeUsage={choices}
          onConfirm={(count) =>
            remove.mutate({ projectSlug, setId: set.id, confirmedChoiceCount: count })
          }
        />
        <div className="basis-full empty:hidden">{feedback.errorFor("row", id)}</div>
      </form>
      <ol aria-label={`Labels of ${set.name}`} className="mt-2 ml-6 space-y-2">
        {set.options.map((option, index) => (
          <OptionRow
            key={`${option.id}-${option.name}-${option.hotkey}`}
            projectSlug={projectSlug}
            setName={set.name}
            option={option}
            first={index === 0}
            last={index === set.options.length - 1}
          />
        ))}
      </ol>
      <form
        className="mt-2 ml-6 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          addOption.mutate(
            { projectSlug, setId: set.id, option: { name: newOption.trim() } },
            { onSuccess: () => setNewOption("") },
          );
        }}
      >
        <input
          aria-label={`New label of ${set.name}`}
          placeholder="New label"
          value={newOption}
          onChange={(e) => setNewOption(e.target.value)}
          className={inputClass}
          required
        />
        <button type="submit" className="rounded border px-3 py-1">
          Add label
        </button>
        <div className="basis-full empty:hidden">{optionFeedback.errorFor("row", id)}</div>
      </form>
    </li>
  );
}

function OptionRow(props: {
  projectSlug: string;
  setName: string;
  option: Option;
  first: boolean;
  last: boolean;
}) {
  const { projectSlug, option } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feedback = useRowFeedback([trpc.scheme.pathKey()], {
    name: "name",
    options: "name",
    hotkey: "hotkey",
  });
  const options = feedback.options;
  const update = useMutation(trpc.scheme.documentLabel.updateOption.mutationOptions(options));
  const move = useMutation(trpc.scheme.documentLabel.moveOption.mutationOptions(options));
  const remove = useMutation(trpc.scheme.documentLabel.deleteOption.mutationOptions(options));
  const [draft, setDraft] = useState({ name: option.name, hotkey: option.hotkey });
  const id = useId();
  const of = `${option.name} of ${props.setName}`;
  return (
    <li data-testid="document-label-option" data-name={option.name}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ projectSlug, optionId: option.id, option: draft });
        }}
      >
        <RowField label="Label" error={feedback.errorFor("name", id)}>
          <input
            aria-label={`Name of ${of}`}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            className={`w-32 ${inputClass}`}
            {...feedback.describe("name", id)}
          />
        </RowField>
        <HotkeyField
          of={of}
          id={id}
          feedback={feedback}
          hotkey={draft.hotkey}
          onChange={(hotkey) => setDraft({ ...draft, hotkey })}
        />
        <MoveButtons
          name={of}
          first={props.first}
          last={props.last}
          onMove={(direction) => move.mutate({ projectSlug, optionId: option.id, direction })}
        />
        <SaveButton changed={draft.name !== option.name || draft.hotkey !== option.hotkey} />
        <DeleteWithConfirmation
          name={of}
          countUsage={async () =>
            (
              await queryClient.fetchQuery(
                trpc.scheme.documentLabel.optionUsage.queryOptions(
                  { projectSlug, optionId: option.id },
                  { staleTime: 0 },
                ),
              )
            ).choices
          }
          describeUsage={choices}
          onConfirm={(count) =>
            remove.mutate({ projectSlug, optionId: option.id, confirmedChoiceCount: count })
          }
        />
        <div className="basis-full empty:hidden">{feedback.errorFor("row", id)}</div>
      </form>
    </li>
  );
}
