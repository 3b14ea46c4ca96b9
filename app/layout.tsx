import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { NavLink } from "./components/NavLink";
import { MIN_N } from "@/lib/metrics";
import { PALETTE } from "./components/palette";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hypeline", template: "%s · Hypeline" },
  description: "Anticipation before release, reception after: film coverage sentiment, with its evidence.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the not-found page too: the Content-Security-Policy
  // nonce (proxy.ts) is new each time, and a page prerendered at build time could not carry it.
  await connection();
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                <span style={{ height: 8, background: PALETTE.anticipationSoft }} />
                <span style={{ height: 14, background: PALETTE.anticipation }} />
                <span style={{ height: 18, background: PALETTE.reception }} />
                <span style={{ height: 11, background: PALETTE.receptionSoft }} />
              </span>
              Hypeline
            </Link>
            <nav className="site-nav" aria-label="Main">
              <NavLink href="/" exact>
                Titles
              </NavLink>
              <NavLink href="/compare">Compare</NavLink>
              <NavLink href="/jobs">Jobs</NavLink>
            </nav>
          </div>
        </header>
        <main className="container">{children}</main>
        <footer className="container site-footer">
          Hypeline: stance scores run from −1 (negative) to +1 (positive). Below n = {MIN_N} no score is shown,
          only &ldquo;not enough coverage&rdquo;.
        </footer>
      </body>
    </html>
  );
}
