// Test support: accounts for tests that call the server as someone, never signing in by password.
import type { Db } from "@/db/open-database";
import { createUser, type PublicUser } from "../services/users";

/** An account named `name`, with the address `name@example.com`. */
export function newUser(db: Db, name: string): Promise<PublicUser> {
  return createUser(db, { email: `${name}@example.com`, name, password: "long enough" });
}
