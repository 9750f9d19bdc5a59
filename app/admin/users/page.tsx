import { UserAdministration } from "./user-administration";

export default function UsersPage() {
  return <UserAdministration />;
}
