import type { Metadata } from "next";
import { SignOutForm } from "./sign-out-form";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">Sign out</h1>
      <SignOutForm />
    </section>
  );
}
