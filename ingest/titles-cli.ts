// npm run titles -- add NAME --release YYYY-MM-DD [--alias A]... | list
import { defineCommand } from "citty";
import { saveTitle, listTitles } from "../lib/store/titles";
import { isoDaySchema, manyValues, parseOption } from "./args";
import { CliError, isMain, runCli } from "./cli-kit";

const add = defineCommand({
  meta: { name: "add", description: "Register a title (or update its release date and aliases)" },
  args: {
    name: { type: "positional", required: true, description: "Title name, e.g. \"Ballerina\"" },
    release: { type: "string", description: "Release date YYYY-MM-DD (sets every dated document's phase)" },
    alias: { type: "string", description: "Another name it goes by (repeatable)" },
  },
  async run({ args }) {
    if (!args.name.trim()) throw new CliError("EARG", "The title name is empty.");
    const releaseDate = args.release === undefined ? undefined : parseOption("release", isoDaySchema, args.release);
    const title = await saveTitle({ name: args.name, releaseDate, aliases: manyValues(args.alias) });
    console.log(`${title.name} (${title.slug}): release ${title.releaseDate ?? "unknown"}${title.aliases.length ? `, aliases: ${title.aliases.join(", ")}` : ""}`);
  },
});

const list = defineCommand({
  meta: { name: "list", description: "List registered titles" },
  args: { json: { type: "boolean", description: "JSON output" } },
  async run({ args }) {
    const titles = await listTitles();
    if (args.json) return void console.log(JSON.stringify(titles));
    if (!titles.length) return void console.log('No titles yet. Add one: npm run titles -- add "Ballerina" --release 2025-06-06');
    console.table(titles.map((t) => ({ name: t.name, slug: t.slug, release: t.releaseDate ?? "unknown", aliases: t.aliases.join(", ") })));
  },
});

export const titlesCommand = defineCommand({
  meta: { name: "titles", description: "Register and list the titles Hypeline tracks" },
  subCommands: { add, list },
});

if (isMain(import.meta.url)) await runCli(titlesCommand);
