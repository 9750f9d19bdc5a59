import { auth } from "@/server/auth";
import { getDb } from "@/server/database";
import { respondToTrpc } from "@/server/http/trpc-handler";

function handler(req: Request) {
  return respondToTrpc(req, async () => ({ session: await auth(), db: getDb() }));
}

export { handler as GET, handler as POST };
