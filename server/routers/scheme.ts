import "server-only";
import { z } from "zod";
import { recordIdSchema } from "@/domain/record-id";
import {
  countTypeRelations,
  createRelationType,
  deleteRelationType,
  moveRelationType,
  relationTypeFieldsSchema,
  updateRelationType,
} from "../services/scheme-edits";
import {
  attributeFieldsSchema,
  countAttributeSpans,
  createAttribute,
  deleteAttribute,
  moveAttribute,
  updateAttribute,
} from "../services/scheme-edits-attributes";
import {
  createDocumentLabelSet,
  deleteDocumentLabelSet,
  documentLabelSetFieldsSchema,
  moveDocumentLabelSet,
  updateDocumentLabelSet,
} from "../services/scheme-edits-document-labels";
import {
  countSetChoices,
  createDocumentLabelOption,
  deleteDocumentLabelOption,
  documentLabelOptionFieldsSchema,
  moveDocumentLabelOption,
  updateDocumentLabelOption,
} from "../services/scheme-edits-document-label-options";
import { listScheme } from "../services/scheme";
import { createTRPCRouter, ownerProcedure, projectProcedure } from "../trpc";

const direction = z.enum(["up", "down"]);
const confirmedCount = z.int().nonnegative();
const typeId = recordIdSchema;
const attributeId = recordIdSchema;
const setId = recordIdSchema;
const optionId = recordIdSchema;
const newOption = documentLabelOptionFieldsSchema.partial().required({ name: true });

/** Relation types: what annotators may draw between two spans. */
const relationTypeRouter = createTRPCRouter({
  create: ownerProcedure
    .input(z.object({ type: relationTypeFieldsSchema.partial().required({ name: true }) }))
    .mutation(({ ctx, input }) => createRelationType(ctx.db, ctx.project.id, input.type)),
  update: ownerProcedure
    .input(z.object({ typeId, type: relationTypeFieldsSchema.partial() }))
    .mutation(({ ctx, input }) =>
      updateRelationType(ctx.db, ctx.project.id, input.typeId, input.type),
    ),
  move: ownerProcedure
    .input(z.object({ typeId, direction }))
    .mutation(({ ctx, input }) =>
      moveRelationType(ctx.db, ctx.project.id, input.typeId, input.direction),
    ),
  /** How many relations deleting the type would remove: what the confirmation must show. */
  usage: ownerProcedure.input(z.object({ typeId })).query(async ({ ctx, input }) => ({
    relations: await countTypeRelations(ctx.db, ctx.project.id, input.typeId),
  })),
  delete: ownerProcedure
    .input(z.object({ typeId, confirmedRelationCount: confirmedCount }))
    .mutation(({ ctx, input }) =>
      deleteRelationType(ctx.db, ctx.project.id, input.typeId, input.confirmedRelationCount),
    ),
});

/** A label's typed attributes (`negated`, `certainty`). */
const attributeRouter = createTRPCRouter({
  create: ownerProcedure
    .input(
      z.object({
        labelId: recordIdSchema,
        attribute: attributeFieldsSchema.partial().required({ name: true }),
      }),
    )
    .mutation(({ ctx, input }) =>
      createAttribute(ctx.db, ctx.project.id, input.labelId, input.attribute),
    ),
  update: ownerProcedure
    .input(z.object({ attributeId, attribute: attributeFieldsSchema.partial() }))
    .mutation(({ ctx, input }) =>
      updateAttribute(ctx.db, ctx.project.id, input.attributeId, input.attribute),
    ),
  move: ownerProcedure
    .input(z.object({ attributeId, direction }))
    .mutation(({ ctx, input }) =>
      moveAttribute(ctx.db, ctx.project.id, input.attributeId, input.direction),
    ),
  /** How many spans hold a value of the attribute: what deleting it would clear. */
  usage: ownerProcedure.input(z.object({ attributeId })).query(async ({ ctx, input }) => ({
    spans: await countAttributeSpans(ctx.db, ctx.project.id, input.attributeId),
  })),
  delete: ownerProcedure
    .input(z.object({ attributeId, confirmedSpanCount: confirmedCount }))
    .mutation(({ ctx, input }) =>
      deleteAttribute(ctx.db, ctx.project.id, input.attributeId, input.confirmedSpanCount),
    ),
});

/** Document label sets ("topic", "stance") and their options. */
const documentLabelRouter = createTRPCRouter({
  createSet: ownerProcedure
    .input(
      z.object({
        set: documentLabelSetFieldsSchema
          .partial()
          .required({ name: true })
          .extend({ options: z.array(newOption).max(50).optional() }),
      }),
    )
    .mutation(({ ctx, input }) => createDocumentLabelSet(ctx.db, ctx.project.id, input.set)),
  updateSet: ownerProcedure
    .input(z.object({ setId, set: documentLabelSetFieldsSchema.partial() }))
    .mutation(({ ctx, input }) =>
      updateDocumentLabelSet(ctx.db, ctx.project.id, input.setId, input.set),
    ),
  moveSet: ownerProcedure
    .input(z.object({ setId, direction }))
    .mutation(({ ctx, input }) =>
      moveDocumentLabelSet(ctx.db, ctx.project.id, input.setId, input.direction),
    ),
  deleteSet: ownerProcedure
    .input(z.object({ setId, confirmedChoiceCount: confirmedCount }))
    .mutation(({ ctx, input }) =>
      deleteDocumentLabelSet(ctx.db, ctx.project.id, input.setId, input.confirmedChoiceCount),
    ),
  createOption: ownerProcedure
    .input(z.object({ setId, option: newOption }))
    .mutation(({ ctx, input }) =>
      createDocumentLabelOption(ctx.db, ctx.project.id, input.setId, input.option),
    ),
  updateOption: ownerProcedure
    .input(z.object({ optionId, option: documentLabelOptionFieldsSchema.partial() }))
    .mutation(({ ctx, input }) =>
      updateDocumentLabelOption(ctx.db, ctx.project.id, input.optionId, input.option),
    ),
  moveOption: ownerProcedure
    .input(z.object({ optionId, direction }))
    .mutation(({ ctx, input }) =>
      moveDocumentLabelOption(ctx.db, ctx.project.id, input.optionId, input.direction),
    ),
  deleteOption: ownerProcedure
    .input(z.object({ optionId, confirmedChoiceCount: confirmedCount }))
    .mutation(({ ctx, input }) =>
      deleteDocumentLabelOption(ctx.db, ctx.project.id, input.optionId, input.confirmedChoiceCount),
    ),
  /** How many choices, in every layer and gold, deleting the set would remove. */
  setUsage: ownerProcedure.input(z.object({ setId })).query(async ({ ctx, input }) => ({
    choices: await countSetChoices(ctx.db, ctx.project.id, input),
  })),
  optionUsage: ownerProcedure.input(z.object({ optionId })).query(async ({ ctx, input }) => ({
    choices: await countSetChoices(ctx.db, ctx.project.id, input),
  })),
});

export const schemeRouter = createTRPCRouter({
  /** The scheme as the settings page and the documents list show it; the document page gets its own. */
  list: projectProcedure.query(({ ctx }) => listScheme(ctx.db, ctx.project.id)),
  relationType: relationTypeRouter,
  attribute: attributeRouter,
  documentLabel: documentLabelRouter,
});
