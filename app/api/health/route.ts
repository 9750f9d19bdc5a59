import { countUsers } from "@/server/services/users";
import { startDatabase } from "@/server/database";

export const dynamic = "force-dynamic";

/** Answers once the database is open and migrated: what start-up scripts and tests wait for. */
export async function GET() {
  await countUsers(await startDatabase());
  return Response.json({ ok: true });
}
