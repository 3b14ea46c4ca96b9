"use client";
// The timeline chart with its two lists: the numbered events and the spikes explained. Clicking a
// spike marker (or Enter on it) opens its explanation below the chart and moves focus there.
import Link from "next/link";
import { useRef, useState } from "react";
import type { BucketDocumentsRow } from "@/lib/queries/getBucketDocuments";
import { type ChartEvent, TimelineChart, spikeText } from "@/app/components/charts/TimelineChart";
import { bucketName } from "@/app/components/charts/bucketLabels";
import type { TimeChartView } from "@/app/components/charts/timelineSeries";
import { formatDay } from "@/app/components/format";

export interface TimelinePanelProps extends TimeChartView {
  events: (ChartEvent & { documents: number | null })[];
  /** Events whose day is not on the axis (outside the window or the filters). */
  hiddenEvents: number;
  explanations: Record<string, BucketDocumentsRow>;
}

export function TimelinePanel(props: TimelinePanelProps) {
  const { points, axis, bucket, events, explanations, hiddenEvents } = props;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const list = useRef<HTMLDivElement>(null);
  const spikes = points.filter((p) => p.spike);
  const showSpike = (x: string) => {
    setOpen((o) => ({ ...o, [x]: true }));
    // After the render that opens it: bring the explanation into view and give it focus.
    requestAnimationFrame(() => {
      const summary = list.current?.querySelector<HTMLElement>(`[data-spike="${CSS.escape(x)}"] summary`);
      summary?.scrollIntoView({ block: "nearest" });
      summary?.focus();
    });
  };
  return (
    <>
      <TimelineChart {...props} events={events} onSpike={showSpike} />
      <p className="chart-key">
        <span className="chart-key__item">
          <span className="event-dot event-dot--detected" aria-hidden="true">
            1
          </span>{" "}
          event detected from coverage
        </span>
        <span className="chart-key__item">
          <span className="event-dot event-dot--manual" aria-hidden="true">
            1
          </span>{" "}
          event added by hand
        </span>
        <span className="chart-key__item">
          <span className="spike-mark" aria-hidden="true">
            ▲
          </span>{" "}
          spike: far above its baseline (hover, or click for why)
        </span>
      </p>
      <div className="timeline-lists">
        <section aria-labelledby="events-heading">
          <h3 id="events-heading">Events</h3>
          {events.length ? (
            <ol className="event-list">
              {events.map((e) => (
                <li key={e.number} data-testid="timeline-event">
                  <span className={`event-dot event-dot--${e.origin}`} aria-hidden="true">
                    {e.number}
                  </span>
                  <span>
                    <strong>{e.label}</strong> · {formatDay(e.day)}{" "}
                    <span className="muted">
                      {e.origin === "manual" ? "added by hand" : `detected: ${e.documents} document${e.documents === 1 ? "" : "s"} in a week`}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">No events in this view.</p>
          )}
          {hiddenEvents > 0 ? (
            <p className="muted small">
              {hiddenEvents} more event{hiddenEvents === 1 ? " is" : "s are"} outside this view.
            </p>
          ) : null}
          <p className="muted small">
            Add one: <code>npm run events -- add --title &quot;…&quot; --date YYYY-MM-DD --label &quot;Final trailer&quot;</code>
          </p>
        </section>
        <section aria-labelledby="spikes-heading" ref={list}>
          <h3 id="spikes-heading">Spikes explained</h3>
          {spikes.length ? (
            <div className="spike-list">
              {spikes.map((p) => {
                const why = explanations[p.x];
                return (
                  <details
                    key={p.x}
                    data-spike={p.x}
                    data-testid="spike"
                    open={open[p.x] ?? false}
                    onToggle={(event) => {
                      const isOpen = (event.currentTarget as HTMLDetailsElement).open;
                      setOpen((o) => (o[p.x] === isOpen ? o : { ...o, [p.x]: isOpen }));
                    }}
                  >
                    <summary>
                      <span className="spike-mark" aria-hidden="true">
                        ▲
                      </span>{" "}
                      {bucketName(p, axis, bucket)}: {spikeText(p, bucket)}
                    </summary>
                    {why ? (
                      <div className="spike-why">
                        {why.keyphrases.length ? (
                          <p>
                            <span className="muted">Top keyphrases:</span>{" "}
                            {why.keyphrases.map((k, i) => (
                              <span key={k.text}>
                                {i ? ", " : ""}
                                {k.text} <span className="muted">({k.documents})</span>
                              </span>
                            ))}
                          </p>
                        ) : null}
                        <ul>
                          {why.headlines.map((h) => (
                            <li key={h.id}>
                              <Link href={`/documents/${h.id}`}>{h.headline}</Link>{" "}
                              <span className="muted">
                                {h.source ?? "unknown source"} · {formatDay(h.day)} · {h.kind}
                              </span>
                            </li>
                          ))}
                        </ul>
                        {why.documents > why.headlines.length ? (
                          <p className="muted small">and {why.documents - why.headlines.length} more in the documents table</p>
                        ) : null}
                      </div>
                    ) : null}
                  </details>
                );
              })}
            </div>
          ) : (
            <p className="muted">No day or week in this view is far above its baseline.</p>
          )}
        </section>
      </div>
    </>
  );
}
