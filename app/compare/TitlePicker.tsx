"use client";
// Choosing titles to compare: a group of checkboxes that rewrites the URL (?titles=a,b,c) as soon
// as one changes. Without JavaScript it is a plain GET form with an "Update" button.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { MAX_COMPARED, compareHref } from "./compareParams";

export function TitlePicker({ titles, selected, rest }: { titles: { slug: string; name: string; releaseDate: string | null }[]; selected: string[]; rest: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) => {
    const chosen = new FormData(form).getAll("titles").map(String);
    startTransition(() => router.push(compareHref(chosen, new URLSearchParams(rest)), { scroll: false }));
  };
  return (
    <form
      className="picker card"
      method="get"
      action="/compare"
      onSubmit={(event) => {
        event.preventDefault();
        go(event.currentTarget);
      }}
    >
      {[...new URLSearchParams(rest)].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>Titles to compare (up to {MAX_COMPARED})</legend>
        <div className="picker__options">
          {titles.map((t) => {
            const checked = selected.includes(t.slug);
            return (
              <label key={t.slug} className="picker__option">
                <input
                  type="checkbox"
                  name="titles"
                  value={t.slug}
                  defaultChecked={checked}
                  disabled={!checked && selected.length >= MAX_COMPARED}
                  onChange={(event) => go(event.currentTarget.form!)}
                />
                <span>
                  {t.name}
                  {t.releaseDate ? null : <span className="muted small"> (no release date)</span>}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="picker__actions">
        <button type="submit" className="button">
          Update
        </button>
        <span className="muted small" role="status">
          {pending ? "Updating…" : `${selected.length} selected`}
        </span>
      </div>
    </form>
  );
}
