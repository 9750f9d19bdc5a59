import { annotationRouter } from "./routers/annotation";
import { datasetRouter } from "./routers/dataset";
import { documentRouter } from "./routers/document";
import { projectRouter } from "./routers/project";
import { reviewRouter } from "./routers/review";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  project: projectRouter,
  document: documentRouter,
  annotation: annotationRouter,
  review: reviewRouter,
  dataset: datasetRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
