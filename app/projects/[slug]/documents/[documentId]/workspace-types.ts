import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type Workspace = inferRouterOutputs<AppRouter>["document"]["workspace"];
export type Label = Workspace["labels"][number];
export type WorkspaceSpan = Workspace["annotation"]["spans"][number];
