"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOutAction } from "./actions";

/** Forgets every cached answer first: the next person in this tab must not see the last one's data. */
export function SignOutForm() {
  const queryClient = useQueryClient();
  return (
    <form action={signOutAction} onSubmit={() => queryClient.clear()}>
      <button type="submit" className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white">
        Sign out
      </button>
    </form>
  );
}
