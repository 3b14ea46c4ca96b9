// Browser tests run against an already running dashboard (HYPELINE_TEST_URL): scripts/test-browser.ts
// prepares a fresh database, loads the demo corpus, builds and starts the server, then runs us.
// Chromium is Debian's (/usr/bin/chromium): `npx playwright install` cannot download here.
import { defineConfig } from "@playwright/test";

const baseURL = process.env.HYPELINE_TEST_URL;
if (!baseURL) {
  throw new Error(
    "Set HYPELINE_TEST_URL to a running dashboard (e.g. HYPELINE_TEST_URL=http://127.0.0.1:3100), or run `npm run test:browser`.",
  );
}

export default defineConfig({
  testDir: "tests/browser",
  outputDir: "test-results",
  // Two cores: one worker keeps the server and the browser from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    acceptDownloads: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
