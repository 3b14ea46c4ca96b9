"use client";
// Queue an ingest of a page or feed, once or on a schedule. The admin token is sent as a header and
// kept only in this tab's sessionStorage: it never reaches a URL, a cookie or localStorage.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { addFeedRequestSchema, EVERY_CHOICES, queueIngestRequestSchema } from "@/lib/jobs/requests";
import styles from "./jobs.module.css";

const TOKEN_KEY = "hypeline.adminToken";

type Outcome = { tone: "ok" | "error"; message: string } | null;

interface ErrorBody {
  error?: { message?: string; code?: string };
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const label = field === "target" || field === "url" ? "Address" : field === "title" ? "Title" : field;
  return label ? `${label}: ${issue.message}` : (issue?.message ?? "invalid input");
}

export function QueueForm({ adminEnabled }: { adminEnabled: boolean }) {
  const router = useRouter();
  const id = useId();
  const [token, setToken] = useState("");
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState("");
  const [repeat, setRepeat] = useState("once");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // Read after hydration: the server has no sessionStorage.
  useEffect(() => setToken(sessionStorage.getItem(TOKEN_KEY) ?? ""), []);

  function updateToken(value: string) {
    setToken(value);
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const once = repeat === "once";
    // Checked here with the route's own schema; sent as typed (the route parses it again).
    const body = once ? { target: url, title, kind } : { url, title, every: repeat };
    const parsed = once ? queueIngestRequestSchema.safeParse(body) : addFeedRequestSchema.safeParse(body);
    if (!parsed.success) return setOutcome({ tone: "error", message: firstIssue(parsed.error) });
    if (!token.trim()) return setOutcome({ tone: "error", message: "Enter the admin token: the value of HYPELINE_ADMIN_TOKEN on the server." });

    setSending(true);
    try {
      const response = await fetch(once ? "/api/jobs" : "/api/feeds", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token.trim()}` },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        setOutcome({
          tone: "ok",
          message: once
            ? `Queued: ${url.trim()}. A worker picks it up within seconds; its run appears below.`
            : `Feed saved: ${url.trim()}, polled every ${repeat}. The first poll starts within a minute.`,
        });
        setUrl("");
        router.refresh();
        return;
      }
      const reply = (await response.json().catch(() => ({}))) as ErrorBody;
      const message =
        response.status === 401 && reply.error?.code === "unauthorized"
          ? "The admin token was refused: check it against HYPELINE_ADMIN_TOKEN on the server."
          : (reply.error?.message ?? `The server answered ${response.status}.`);
      setOutcome({ tone: "error", message });
    } catch {
      setOutcome({ tone: "error", message: "Could not reach the server: check your connection and try again." });
    } finally {
      setSending(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={adminEnabled ? undefined : `${id}-disabled`} noValidate>
      <fieldset disabled={!adminEnabled || sending} className={styles.fieldset}>
        <legend className="visually-hidden">Queue an ingest</legend>
        <div className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={`${id}-url`}>Page or feed address</label>
          <input id={`${id}-url`} name="target" type="url" inputMode="url" placeholder="https://example.com/feed.xml" value={url} onChange={(e) => setUrl(e.target.value)} required />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-title`}>
            Title <span className="faint">(optional)</span>
          </label>
          <input id={`${id}-title`} name="title" placeholder="from the text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} name="kind" value={repeat === "once" ? kind : ""} onChange={(e) => setKind(e.target.value)} disabled={repeat !== "once"}>
            <option value="">inferred</option>
            <option value="review">review</option>
            <option value="article">article</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-repeat`}>Repeat</label>
          <select id={`${id}-repeat`} name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value)}>
            <option value="once">once</option>
            {EVERY_CHOICES.map((every) => (
              <option key={every} value={every}>
                every {every}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-token`}>Admin token</label>
          <input id={`${id}-token`} name="admin-token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => updateToken(e.target.value)} />
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.button}>
            {sending ? "Queueing…" : repeat === "once" ? "Queue ingest" : "Save feed"}
          </button>
        </div>
      </fieldset>
      <p className={styles.hint}>The token stays in this browser tab only (sessionStorage) and is sent as a header.</p>
      <p role="status" aria-live="polite" className={outcome ? (outcome.tone === "ok" ? styles.ok : styles.error) : styles.empty}>
        {outcome?.message}
      </p>
    </form>
  );
}
