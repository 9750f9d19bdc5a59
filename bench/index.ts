/**
 * `npm run bench`: every speed target, each measured beside a baseline in the same run, so the
 * ratios hold on a shared, noisy machine where absolute times do not.
 */
import { benchAgreement } from "./agreement-bench";
import { benchCapacity } from "./capacity-bench";
import { benchDatasets } from "./dataset-bench";
import { benchDocumentList } from "./document-list-bench";
import { benchHeavyWork } from "./heavy-work-bench";
import { benchPostgres } from "./postgres-bench";
import { benchSpanEdits } from "./span-edit-bench";
import { benchWorkspace } from "./workspace-bench";

await benchAgreement();
await benchDatasets();
await benchSpanEdits();
await benchDocumentList();
await benchWorkspace();
// The annotation-page bench has just built the app; the HTTP benches run on that build.
await benchCapacity({ build: false });
await benchHeavyWork({ build: false });
// BENCH_DATABASE_URL (a PostgreSQL server's URL) adds PostgreSQL beside SQLite, on the same build.
const postgres = process.env.BENCH_DATABASE_URL;
if (postgres) await benchPostgres(postgres);
else
  console.log("PostgreSQL beside SQLite: skipped (set BENCH_DATABASE_URL=postgres://…/postgres)");
