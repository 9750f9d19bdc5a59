import { signOut } from "@/server/auth";

export default function SignOutPage() {
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">Sign out</h1>
      <form action={signOutAction}>
        <button
          type="submit"
          className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white"
        >
          Sign out
        </button>
      </form>
    </section>
  );
}
