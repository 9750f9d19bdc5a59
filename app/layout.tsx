import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/client";
import { Announcer } from "./_components/announcer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  // Each page names itself first ("kursk-01.txt · Kursk news · Concord"): it is what a tab shows
  // and what the route announcer reads out after a client navigation.
  title: { template: "%s · Concord", default: "Concord" },
  description: "Collaborative text annotation",
};

/** Every page renders per request: its scripts carry that request's CSP nonce (see proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <TRPCReactProvider>
          <Announcer>
            <SiteHeader />
            <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
          </Announcer>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
