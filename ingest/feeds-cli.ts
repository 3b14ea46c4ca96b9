// npm run feeds -- add URL [--title T] [--every 6h] | list [--json] | remove URL
// A registered feed is polled by the worker (npm run worker) once its interval has passed, the
// first time within a minute of being added.
import { existsSync } from "node:fs";
import path from "node:path";
import { defineCommand } from "citty";
import { addFeed, formatEvery, listFeeds, parseEvery, removeFeed } from "../lib/jobs/feeds";
import { httpUrlSchema } from "../lib/jobs/requests";
import { CliError, isMain, runCli } from "./cli-kit";

/**
 * An http(s) URL as given, or a local folder or file as an absolute path: a "drop folder" polled
 * on a schedule works like a feed (only the CLI offers it: the HTTP routes accept http(s) only).
 */
export function feedTarget(value: string): string {
  const url = httpUrlSchema.safeParse(value);
  if (url.success) return url.data;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && existsSync(value)) return path.resolve(value);
  throw new CliError("EARG", `"${value}" is neither an http(s) URL nor an existing folder: give the feed's address, e.g. https://example.com/feed.xml`);
}

const add = defineCommand({
  meta: { name: "add", description: "Register a feed to poll on a schedule (or change its interval and title)" },
  args: {
    url: { type: "positional", required: true, description: "RSS/Atom feed or page URL (or a local folder)" },
    title: { type: "string", description: "Title its items are about (default: recognised from the text)" },
    every: { type: "string", description: "Polling interval: 30m, 6h, 1d … (default 6h)", default: "6h" },
  },
  async run({ args }) {
    const url = feedTarget(args.url);
    let everyMinutes: number;
    try {
      everyMinutes = parseEvery(args.every);
    } catch (error) {
      throw new CliError("EARG", `--every ${(error as Error).message}`);
    }
    const title = args.title?.trim() || undefined;
    const { feed, created } = await addFeed({ url, title, everyMinutes });
    console.log(`${created ? "Added" : "Updated"} feed #${feed.id} ${feed.url}: every ${formatEvery(feed.everyMinutes)}${feed.title ? `, title ${feed.title}` : ""}.`);
    console.log("A worker polls it once its interval has passed (a new feed within a minute): run `npm run worker` if none is running.");
  },
});

const list = defineCommand({
  meta: { name: "list", description: "List registered feeds, when they were last polled and any error" },
  args: { json: { type: "boolean", description: "JSON output" } },
  async run({ args }) {
    const feeds = await listFeeds();
    if (args.json) return void console.log(JSON.stringify(feeds));
    if (!feeds.length) return void console.log("No feeds yet. Add one: npm run feeds -- add https://example.com/feed.xml --title Ballerina --every 6h");
    console.table(
      feeds.map((f) => ({
        id: f.id,
        url: f.url,
        title: f.title ?? "",
        every: formatEvery(f.everyMinutes),
        "last polled": f.lastPolledAt ?? "never",
        "next poll": f.nextPollAt ?? "only when asked",
        "last error": f.lastError ?? "",
      })),
    );
  },
});

const remove = defineCommand({
  meta: { name: "remove", description: "Stop polling a feed (documents already stored stay)" },
  args: { url: { type: "positional", required: true, description: "The feed's URL as listed by `npm run feeds -- list`" } },
  async run({ args }) {
    const url = httpUrlSchema.safeParse(args.url).success ? args.url.trim() : existsSync(args.url) ? path.resolve(args.url) : args.url;
    if (!(await removeFeed(url))) throw new CliError("ENOTFOUND", `No feed with URL ${args.url}: see npm run feeds -- list.`);
    console.log(`Removed feed ${url}.`);
  },
});

export const feedsCommand = defineCommand({
  meta: { name: "feeds", description: "Register, list and remove feeds the worker polls on a schedule" },
  subCommands: { add, list, remove },
});

if (isMain(import.meta.url)) await runCli(feedsCommand);
