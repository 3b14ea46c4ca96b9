import Link from "next/link";
import type { TimelineView } from "@/app/components/viewParams";

interface Option<K extends keyof TimelineView> {
  key: K;
  label: string;
  choices: { value: TimelineView[K]; label: string; disabled?: string }[];
}

/**
 * The timeline's view switches as links (the state lives in the URL: shareable, and works without
 * JavaScript). The current choice is marked with aria-current.
 */
export function TimelineControls({
  view,
  href,
  hasRelease,
  showAxis = true,
}: {
  view: TimelineView;
  href: (view: TimelineView) => string;
  hasRelease: boolean;
  /** The compare page is always on the relative axis. */
  showAxis?: boolean;
}) {
  const all: [Option<"axis">, Option<"bucket">, Option<"scale">] = [
    {
      key: "axis",
      label: "Axis",
      choices: [
        { value: "calendar", label: "Calendar dates" },
        { value: "relative", label: "Days from release", disabled: hasRelease ? undefined : "Register a release date first" },
      ],
    },
    { key: "bucket", label: "By", choices: [{ value: "day", label: "Day" }, { value: "week", label: "Week" }] },
    { key: "scale", label: "Count", choices: [{ value: "raw", label: "Documents" }, { value: "share", label: "Share of tracked" }] },
  ];
  const options = showAxis ? all : all.slice(1);
  return (
    <nav className="view-switches" aria-label="Timeline view">
      {options.map((option) => (
        <div key={option.key} className="segmented" role="group" aria-label={option.label}>
          <span className="segmented__label" aria-hidden="true">
            {option.label}
          </span>
          {option.choices.map((choice) => {
            const current = view[option.key] === choice.value;
            if (choice.disabled) {
              return (
                <span key={choice.value} className="segmented__item" aria-disabled="true" title={choice.disabled}>
                  {choice.label}
                </span>
              );
            }
            return (
              <Link
                key={choice.value}
                className="segmented__item"
                href={href({ ...view, [option.key]: choice.value })}
                aria-current={current ? "true" : undefined}
                scroll={false}
              >
                {choice.label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
