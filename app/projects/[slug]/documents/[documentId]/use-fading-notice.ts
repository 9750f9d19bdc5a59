"use client";

import { useEffect, useState } from "react";

const shownFor = 4_000;

/**
 * A status line ("Redone: tagged “Kursk” as LOC", "Tagged 3 spans as LOC") that clears itself after a few
 * seconds, so an old message never reads as news about the latest action.
 */
export function useFadingNotice() {
  const [notice, setNotice] = useState({ text: "", serial: 0 });
  useEffect(() => {
    if (notice.text === "") return;
    const timer = setTimeout(() => setNotice(({ serial }) => ({ text: "", serial })), shownFor);
    return () => clearTimeout(timer);
  }, [notice]);
  // A new object each time, so saying the same words twice shows them for the full time again.
  const say = (text: string) => setNotice(({ serial }) => ({ text, serial: serial + 1 }));
  return [notice.text, say] as const;
}
