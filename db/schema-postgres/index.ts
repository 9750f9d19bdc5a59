// PostgreSQL's twin of db/schema (the app's types come from that one): same tables, columns,
// keys and indexes, written with pg-core. db/schema-parity.test.ts compares the migrated databases.
export * from "./users";
export * from "./projects";
export * from "./documents";
export * from "./rate-limits";
export * from "./invitations";
export * from "./scheme";
export * from "./layer-details";
