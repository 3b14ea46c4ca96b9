// Files and folders into raw documents. Each item either loads or carries a specific error; one
// bad file never stops the others.
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { extractHtml } from "../../lib/extract/html";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".json", ".jsonl"] as const;
/** One document larger than this is refused: real articles are a few hundred KB at most. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface RawDocument {
  text: string;
  headline?: string | null;
  /** A date the source itself states (record field, page metadata); parsed by the analysis. */
  metadataDate?: string | null;
  url?: string | null;
  title?: string | null;
  kind?: "review" | "article" | null;
  source?: string | null;
}

export type SourceItem = { item: string; doc: RawDocument } | { item: string; error: string };

/** A JSON record as other tools export it: `text` is required, the rest optional. */
export const jsonRecordSchema = z.object({
  text: z.string({ error: 'a JSON record needs a "text" field with the document text' }),
  title: z.string().nullish(),
  date: z.string().nullish(),
  url: z.string().nullish(),
  source: z.string().nullish(),
  kind: z.enum(["review", "article"], { error: 'kind must be "review" or "article"' }).nullish(),
  headline: z.string().nullish(),
});

function fromRecord(value: unknown): RawDocument {
  const parsed = jsonRecordSchema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const r = parsed.data;
  return { text: r.text, headline: r.headline, metadataDate: r.date, url: r.url, title: r.title, kind: r.kind, source: r.source };
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a message that says so. */
export function decodeText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new Error("binary file (contains NUL bytes): only text, Markdown, HTML, JSON and JSONL are read");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new Error("not valid UTF-8: re-save the file as UTF-8");
  }
}

async function expand(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return [target];
  const entries = await fs.readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith("."))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => {
        const full = path.join(target, e.name);
        if (e.isDirectory()) return expand(full);
        return Promise.resolve(SUPPORTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase() as never) ? [full] : []);
      }),
  );
  return nested.flat();
}

async function* readJsonl(file: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    const item = `${file}:${n}`;
    if (!line.trim()) continue;
    if (Buffer.byteLength(line) > MAX_DOCUMENT_BYTES) {
      yield { item, error: `line is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
      continue;
    }
    try {
      yield { item, doc: fromRecord(JSON.parse(line)) };
    } catch (error) {
      const message = error instanceof SyntaxError ? `malformed JSON (${error.message})` : (error as Error).message;
      yield { item, error: message };
    }
  }
}

async function readOne(file: string): Promise<SourceItem[]> {
  const ext = path.extname(file).toLowerCase();
  const stat = await fs.stat(file);
  if (stat.size === 0) return [{ item: file, error: "empty file" }];
  if (stat.size > MAX_DOCUMENT_BYTES) {
    return [{ item: file, error: `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; one document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (split it, or use JSONL with one document per line)` }];
  }
  const text = decodeText(await fs.readFile(file));
  if (!text.trim()) return [{ item: file, error: "empty file (only whitespace)" }];
  switch (ext) {
    case ".html":
    case ".htm": {
      const page = extractHtml(text);
      return [{ item: file, doc: { text: page.text, headline: page.headline, metadataDate: page.metadataDate, url: page.canonicalUrl, source: page.siteName } }];
    }
    case ".json": {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return [{ item: file, error: `malformed JSON (${(error as Error).message})` }];
      }
      const records = Array.isArray(data) ? data : [data];
      return records.map((record, i) => {
        const item = records.length > 1 ? `${file}[${i}]` : file;
        try {
          return { item, doc: fromRecord(record) };
        } catch (error) {
          return { item, error: (error as Error).message };
        }
      });
    }
    default:
      return [{ item: file, doc: { text } }];
  }
}

/** Every document in the given files and folders, in a stable order. */
export async function* readSources(targets: string[]): AsyncGenerator<SourceItem> {
  for (const target of targets) {
    let files: string[];
    try {
      files = await expand(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield { item: target, error: code === "ENOENT" ? "no such file or folder" : `cannot read (${(error as Error).message})` };
      continue;
    }
    for (const file of files) {
      const ext = path.extname(file).toLowerCase();
      if (!SUPPORTED_EXTENSIONS.includes(ext as never)) {
        yield { item: file, error: `unsupported file type "${ext || "(none)"}": use ${SUPPORTED_EXTENSIONS.join(", ")}` };
        continue;
      }
      if (ext === ".jsonl") {
        yield* readJsonl(file);
        continue;
      }
      try {
        yield* await readOne(file);
      } catch (error) {
        yield { item: file, error: (error as Error).message };
      }
    }
  }
}
