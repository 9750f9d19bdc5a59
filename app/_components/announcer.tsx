"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The one polite live region of the site, mounted once in the root layout so that it outlives
 * client navigations: what an action did ("Tagged “Kursk” as LOC", "Submitted “kursk-01.txt”")
 * is still read out when the page that did it has gone. Page changes themselves are announced by
 * Next's route announcer, from each page's title. Refusals are not said here: they are alerts.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: "", serial: 0 });
  const said = useRef<string[] | null>(null);
  const announce = useCallback<Announce>((text) => {
    // What one event says in several steps ("Accepted …", "Gold was curated: …") is read as one
    // message: the region shows only the latest, and React would draw only the last of them.
    if (!said.current) {
      said.current = [];
      queueMicrotask(() => (said.current = null));
    }
    said.current.push(text);
    const joined = said.current.length === 1 ? text : said.current.map(asSentence).join(" ");
    setMessage(({ serial }) => ({ text: joined, serial: serial + 1 }));
  }, []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcement">
        {/* A new node each time: the same words said twice are read twice. */}
        <p key={message.serial}>{message.text}</p>
      </div>
    </AnnounceContext>
  );
}

const asSentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** Says `text` to screen readers through the page's one live region. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/** Announces a message shown elsewhere on the page (a notice, a save state) each time it changes. */
export function useAnnounceChange(text: string | null) {
  const announce = useAnnounce();
  useEffect(() => {
    if (text) announce(text);
  }, [text, announce]);
}
