// Test support: tRPC callers as a signed-in user or as nobody, on a test's own database.
import type { Session } from "next-auth";
import type { Db } from "@/db/open-database";
import { createCaller } from "../root";
import type { PublicUser } from "../services/users";

export type Caller = ReturnType<typeof createCaller>;
type Account = Pick<PublicUser, "id"> & Partial<Pick<PublicUser, "name" | "email">>;

/** The session Auth.js hands a signed-in user; only the id matters to the server. */
export function sessionFor(user: Account): Session {
  return {
    user: { id: String(user.id), name: user.name, email: user.email },
    expires: "2999-01-01T00:00:00.000Z",
  };
}

export function callerAs(db: Db, user: Account): Caller {
  return createCaller({ session: sessionFor(user), db });
}

export function anonymousCaller(db: Db): Caller {
  return createCaller({ session: null, db });
}
