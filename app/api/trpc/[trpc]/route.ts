import { respondToTrpc } from "@/server/http/trpc-handler";
import { createContext } from "@/server/trpc";

function handler(req: Request) {
  return respondToTrpc(req, () => createContext(req));
}

export { handler as GET, handler as POST };
