// Files and folders into raw documents. Each item either loads or carries a specific error; one
// bad file never stops the others.
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { extractHtml } from "../../lib/extract/html";
import { type FieldMap, applyFieldMap, describeField, readCsvRecords } from "./csv";
import { fromPage } from "./page";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv"] as const;
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
  /** Where `metadataDate` was read ("article:published_time", "feed pubDate", 'column "published"'). */
  dateFrom?: string | null;
  /** Things worth telling the user about this item that are not errors. */
  notes?: string[];
}

/** A feed entry: marked seen under these keys (guid, link) once its document is stored. */
export interface FeedItemKeys {
  feedId: number;
  keys: string[];
}

/**
 * One item read from a source: a document, a per-item error, or a note about items not read
 * (feed entries already seen), which is reported but counts as no item.
 */
export type SourceItem = { item: string; doc: RawDocument; feedItem?: FeedItemKeys } | { item: string; error: string } | { item: string; note: string };

export interface FileSourceOptions {
  /** Column mapping for JSON, JSONL and CSV records (`--map text=body,date=published`). */
  map?: FieldMap;
}

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

function fromRecord(value: unknown, map?: FieldMap): RawDocument {
  const parsed = jsonRecordSchema.safeParse(applyFieldMap(value, map));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const r = parsed.data;
  return { text: r.text, headline: r.headline, metadataDate: r.date, dateFrom: r.date ? describeField("date", map) : null, url: r.url, title: r.title, kind: r.kind, source: r.source };
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a message that says so. */
export function decodeText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new Error("binary file (contains NUL bytes): only text, Markdown, HTML, JSON, JSONL and CSV are read");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new Error("not valid UTF-8: re-save the file as UTF-8");
  }
}

/** The files a target names: itself, or a folder's supported files (recursively, hidden ones skipped), sorted. */
export async function expand(target: string): Promise<string[]> {
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

/**
 * The lines of a file as bytes, so each is decoded (and refused as invalid UTF-8) on its own, and
 * a line past `maxBytes` is skipped without being held in memory. `bytes` is null for such a line.
 */
async function* byteLines(file: string, maxBytes: number): AsyncGenerator<{ n: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let n = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      if (!tooLong) parts.push(chunk.subarray(from, nl));
      length += nl - from;
      yield { n: ++n, bytes: tooLong || length > maxBytes ? null : Buffer.concat(parts) };
      parts = [];
      length = 0;
      tooLong = false;
      from = nl + 1;
    }
    length += chunk.length - from;
    if (length > maxBytes) {
      tooLong = true;
      parts = [];
    } else if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (length > 0) yield { n: ++n, bytes: tooLong || length > maxBytes ? null : Buffer.concat(parts) };
}

async function* readJsonl(file: string, options: FileSourceOptions): AsyncGenerator<SourceItem> {
  for await (const { n, bytes } of byteLines(file, MAX_DOCUMENT_BYTES)) {
    const item = `${file}:${n}`;
    if (bytes === null) {
      yield { item, error: `line is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; one document may be at most that` };
      continue;
    }
    let line: string;
    try {
      line = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      yield { item, error: "not valid UTF-8: re-save the file as UTF-8" };
      continue;
    }
    if (!line.trim()) continue;
    try {
      yield { item, doc: fromRecord(JSON.parse(line), options.map) };
    } catch (error) {
      const message = error instanceof SyntaxError ? `malformed JSON (${error.message})` : (error as Error).message;
      yield { item, error: message };
    }
  }
}

async function* readCsv(file: string, options: FileSourceOptions): AsyncGenerator<SourceItem> {
  const stat = await fs.stat(file);
  if (stat.size === 0) {
    yield { item: file, error: "empty file" };
    return;
  }
  for await (const row of readCsvRecords(file, MAX_DOCUMENT_BYTES)) {
    const item = `${file}:${row.line}`;
    if (row.error !== undefined || !row.record) {
      yield { item, error: row.error ?? "unreadable row" };
      continue;
    }
    try {
      yield { item, doc: fromRecord(row.record, options.map) };
    } catch (error) {
      yield { item, error: (error as Error).message };
    }
  }
}

async function readOne(file: string, options: FileSourceOptions): Promise<SourceItem[]> {
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
      return [{ item: file, doc: fromPage(extractHtml(text)) }];
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
          return { item, doc: fromRecord(record, options.map) };
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
export async function* readSources(targets: string[], options: FileSourceOptions = {}): AsyncGenerator<SourceItem> {
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
      if (ext === ".jsonl" || ext === ".csv") {
        // Streamed record by record: an export may be far larger than one document.
        try {
          yield* ext === ".csv" ? readCsv(file, options) : readJsonl(file, options);
        } catch (error) {
          yield { item: file, error: `cannot read (${(error as Error).message})` };
        }
        continue;
      }
      try {
        yield* await readOne(file, options);
      } catch (error) {
        yield { item: file, error: (error as Error).message };
      }
    }
  }
}
