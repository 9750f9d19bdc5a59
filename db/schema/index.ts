export * from "./users";
export * from "./projects";
export * from "./documents";
export * from "./rate-limits";
export * from "./invitations";
export * from "./scheme";
export * from "./layer-details";
