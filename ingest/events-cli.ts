// npm run events -- add --title T --date YYYY-MM-DD --label L | remove … | list --title T [--json]
import { defineCommand } from "citty";
import { z } from "zod";
import { getTitleEvents } from "../lib/queries/getTitleEvents";
import { addTitleEvent, removeTitleEvent } from "../lib/store/events";
import { type TitleRecord, findTitle } from "../lib/store/titles";
import { isoDaySchema, parseOption } from "./args";
import { CliError, isMain, runCli } from "./cli-kit";

const labelSchema = z
  .string()
  .trim()
  .min(1, { message: 'expected a short label, e.g. "Final trailer"' })
  .max(60, { message: "expected at most 60 characters: the label is drawn on the chart" });
const titleSchema = z.string().trim().min(1, { message: 'expected a title name or slug, e.g. "Ballerina"' });

const titleArg = { type: "string", required: true, description: 'Title name, alias or slug, e.g. "Ballerina"' } as const;

async function resolveTitle(raw: unknown): Promise<TitleRecord> {
  const name = parseOption("title", titleSchema, raw);
  const title = await findTitle(name);
  if (!title) throw new CliError("ENOTFOUND", `No title "${name}". See the registered ones with: npm run titles -- list`);
  return title;
}

const add = defineCommand({
  meta: { name: "add", description: "Mark an event (trailer drop, premiere, …) on a title's timeline" },
  args: {
    title: titleArg,
    date: { type: "string", required: true, description: "Day of the event, YYYY-MM-DD" },
    label: { type: "string", required: true, description: 'What happened, e.g. "Final trailer" (at most 60 characters)' },
  },
  async run({ args }) {
    const day = parseOption("date", isoDaySchema, args.date);
    const label = parseOption("label", labelSchema, args.label);
    const title = await resolveTitle(args.title);
    const saved = await addTitleEvent(title.id, day, label);
    console.log(`${saved.created ? "Added" : "Already there"}: ${title.name} · ${day} · ${label}`);
  },
});

const remove = defineCommand({
  meta: { name: "remove", description: "Remove an event added by hand" },
  args: {
    title: titleArg,
    date: { type: "string", required: true, description: "Day of the event, YYYY-MM-DD" },
    label: { type: "string", required: true, description: "Its label, exactly as listed" },
  },
  async run({ args }) {
    const day = parseOption("date", isoDaySchema, args.date);
    const label = parseOption("label", labelSchema, args.label);
    const title = await resolveTitle(args.title);
    if (!(await removeTitleEvent(title.id, day, label))) {
      throw new CliError("ENOTFOUND", `No event "${label}" on ${day} for ${title.name}. See them with: npm run events -- list --title "${title.name}"`);
    }
    console.log(`Removed: ${title.name} · ${day} · ${label}`);
  },
});

const list = defineCommand({
  meta: { name: "list", description: "List a title's events: added by hand and detected from its coverage" },
  args: { title: titleArg, json: { type: "boolean", description: "JSON output" } },
  async run({ args }) {
    const title = await resolveTitle(args.title);
    const events = await getTitleEvents(title.slug);
    if (args.json) return void console.log(JSON.stringify(events));
    if (!events.length) {
      return void console.log(`No events for ${title.name} yet. Add one: npm run events -- add --title "${title.name}" --date 2025-02-18 --label "Trailer"`);
    }
    console.table(events.map((e) => ({ day: e.day, label: e.label, origin: e.origin, documents: e.documents ?? "" })));
  },
});

export const eventsCommand = defineCommand({
  meta: { name: "events", description: "Timeline events of a title: add, remove, list" },
  subCommands: { add, remove, list },
});

if (isMain(import.meta.url)) await runCli(eventsCommand);
