-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "excitement" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "title_daily_stats" ADD COLUMN     "excitement" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stance_sq" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "title_aspect_stats" ADD COLUMN     "mentions" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "title_keyphrase_stats" (
    "title_id" INTEGER NOT NULL,
    "keyphrase_id" INTEGER NOT NULL,
    "documents" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,

    CONSTRAINT "title_keyphrase_stats_pkey" PRIMARY KEY ("title_id","keyphrase_id")
);

-- CreateIndex
CREATE INDEX "title_keyphrase_stats_keyphrase_id_idx" ON "title_keyphrase_stats"("keyphrase_id");

-- AddForeignKey
ALTER TABLE "title_keyphrase_stats" ADD CONSTRAINT "title_keyphrase_stats_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_keyphrase_stats" ADD CONSTRAINT "title_keyphrase_stats_keyphrase_id_fkey" FOREIGN KEY ("keyphrase_id") REFERENCES "keyphrases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "event_signals" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "title_event_stats" (
    "title_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "event" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "title_event_stats_pkey" PRIMARY KEY ("title_id","day","event")
);

-- AddForeignKey
ALTER TABLE "title_event_stats" ADD CONSTRAINT "title_event_stats_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "keyphrases" ADD COLUMN     "corpus_documents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "title_stats" (
    "title_id" INTEGER NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "title_stats_pkey" PRIMARY KEY ("title_id")
);

-- AddForeignKey
ALTER TABLE "title_stats" ADD CONSTRAINT "title_stats_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on (Prisma's schema language cannot express INCLUDE or partial
-- indexes, and the schema diff works datamodel to datamodel, so later diffs leave them alone).

-- Backfill: documents.excitement (excitementSignals), then every title's rollups as
-- lib/store/{dailyStats,aspectStats,keyphraseStats}.ts rebuild them.
UPDATE "documents" d SET "excitement" = s.n
  FROM (SELECT "document_id", count(*)::int AS n FROM "sentences" WHERE "anticipation" > 0 GROUP BY "document_id") s
 WHERE s."document_id" = d."id";

DELETE FROM "title_daily_stats";
INSERT INTO "title_daily_stats" ("title_id", "day", "phase", "kind", "documents", "stance_sum", "stance_sq", "excitement", "positive", "negative", "mixed", "neutral")
SELECT "title_id", "published_at", "phase", "kind", count(*), sum("stance_score"), sum("stance_score" * "stance_score"), sum("excitement"),
       count(*) FILTER (WHERE "stance_label" = 'positive'), count(*) FILTER (WHERE "stance_label" = 'negative'),
       count(*) FILTER (WHERE "stance_label" = 'mixed'), count(*) FILTER (WHERE "stance_label" = 'neutral')
  FROM "documents"
 WHERE "published_at" IS NOT NULL AND "phase" IS NOT NULL AND "duplicate_of_id" IS NULL AND "language" = 'en'
 GROUP BY "title_id", "published_at", "phase", "kind";

-- 0.05 is STANCE_THRESHOLDS.neutralBand (lib/metrics.ts) as of this migration.
DELETE FROM "title_aspect_stats";
INSERT INTO "title_aspect_stats" ("title_id", "aspect", "phase", "mentions", "n", "score_sum", "score_sq", "positive", "negative")
SELECT d."title_id", a.aspect, d."phase", count(*), count(*) FILTER (WHERE s."evaluative"),
       coalesce(sum(s."score") FILTER (WHERE s."evaluative"), 0), coalesce(sum(s."score" * s."score") FILTER (WHERE s."evaluative"), 0),
       count(*) FILTER (WHERE s."evaluative" AND s."score" >= 0.05), count(*) FILTER (WHERE s."evaluative" AND s."score" <= -0.05)
  FROM "documents" d
  JOIN "sentences" s ON s."document_id" = d."id"
  CROSS JOIN LATERAL unnest(array_append(s."aspects", '*'::text)) AS a(aspect)
 WHERE d."phase" IS NOT NULL AND d."duplicate_of_id" IS NULL
 GROUP BY d."title_id", a.aspect, d."phase";

INSERT INTO "title_keyphrase_stats" ("title_id", "keyphrase_id", "documents", "mentions")
SELECT d."title_id", dk."keyphrase_id", count(*), sum(dk."count")
  FROM "documents" d JOIN "document_keyphrases" dk ON dk."document_id" = d."id"
 WHERE d."duplicate_of_id" IS NULL
 GROUP BY d."title_id", dk."keyphrase_id";

UPDATE "keyphrases" k SET "corpus_documents" = c.n
  FROM (SELECT "keyphrase_id", sum("documents")::int AS n FROM "title_keyphrase_stats" GROUP BY "keyphrase_id") c
 WHERE c."keyphrase_id" = k."id";

INSERT INTO "title_stats" ("title_id", "documents")
SELECT "title_id", count(*) FROM "documents" WHERE "duplicate_of_id" IS NULL GROUP BY "title_id";

-- documents.event_signals as eventSignals (lib/timeline/events.ts) finds them, with the patterns of
-- EVENT_KINDS as of this migration, in the same order, then the title_event_stats rollup.
UPDATE "documents" d SET "event_signals" = CASE WHEN d."kind" = 'review' THEN ARRAY['reviews']::text[] ELSE ARRAY(
  SELECT e.k FROM (VALUES
    (1, 'trailer', '(^|[^a-z])(trailers?|teasers?)([^a-z]|$)'),
    (2, 'cinemacon', '(^|[^a-z])(cinemacon)([^a-z]|$)'),
    (3, 'comic-con', '(^|[^a-z])(comic-?con|sdcc)([^a-z]|$)'),
    (4, 'convention', '(^|[^a-z])(d23|ccxp|conventions?)([^a-z]|$)'),
    (5, 'premiere', '(^|[^a-z])(premieres?|premiered|festival|tiff|toronto|cannes|venice|sundance|sxsw)([^a-z]|$)')
  ) AS e(o, k, p)
  WHERE d."headline" ~* e.p OR EXISTS (
    SELECT 1 FROM "document_keyphrases" dk JOIN "keyphrases" kp ON kp."id" = dk."keyphrase_id"
     WHERE dk."document_id" = d."id" AND kp."text" ~* e.p)
  ORDER BY e.o) END;

INSERT INTO "title_event_stats" ("title_id", "day", "event", "documents")
SELECT d."title_id", d."published_at", e.event, count(*)
  FROM "documents" d CROSS JOIN LATERAL unnest(d."event_signals") AS e(event)
 WHERE d."published_at" IS NOT NULL AND d."duplicate_of_id" IS NULL AND d."language" = 'en'
 GROUP BY d."title_id", d."published_at", e.event;

-- A title's originals with every column the overview, KPI and timeline queries read: an
-- index-only scan of a title's entries instead of its heap rows (each carries a 512-byte MinHash).
CREATE INDEX "documents_title_rollup_idx" ON "documents" ("title_id")
  INCLUDE ("id", "kind", "phase", "published_at", "stance_score", "stance_label", "language", "source_id", "excitement", "created_at")
  WHERE "duplicate_of_id" IS NULL;

-- The documents table, newest first with undated last: its first page without sorting the title.
CREATE INDEX "documents_title_date_idx" ON "documents" ("title_id", "published_at" DESC NULLS LAST, "id" DESC);
