import type { Metadata } from "next";
import { UserAdministration } from "./user-administration";

export const metadata: Metadata = { title: "Users" };

export default function UsersPage() {
  return <UserAdministration />;
}
