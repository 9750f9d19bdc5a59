import "server-only";
import { adminRouter } from "./routers/admin";
import { annotationRouter } from "./routers/annotation";
import { assignmentRouter } from "./routers/assignment";
import { datasetRouter } from "./routers/dataset";
import { documentRouter } from "./routers/document";
import { labelRouter } from "./routers/label";
import { memberRouter } from "./routers/member";
import { projectRouter } from "./routers/project";
import { reviewRouter } from "./routers/review";
import { schemeRouter } from "./routers/scheme";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  project: projectRouter,
  document: documentRouter,
  annotation: annotationRouter,
  review: reviewRouter,
  dataset: datasetRouter,
  member: memberRouter,
  label: labelRouter,
  scheme: schemeRouter,
  assignment: assignmentRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
