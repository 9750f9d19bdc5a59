import { countUsers } from "@/server/services/users";
import { getDb } from "@/server/database";

export const dynamic = "force-dynamic";

/** Answers once the database is open and migrated: what start-up scripts and tests wait for. */
export function GET() {
  countUsers(getDb());
  return Response.json({ ok: true });
}
