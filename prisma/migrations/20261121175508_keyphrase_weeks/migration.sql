-- CreateTable
CREATE TABLE "title_keyphrase_weeks" (
    "title_id" INTEGER NOT NULL,
    "keyphrase_id" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "title_keyphrase_weeks_pkey" PRIMARY KEY ("title_id","keyphrase_id","week")
);

-- AddForeignKey
ALTER TABLE "title_keyphrase_weeks" ADD CONSTRAINT "title_keyphrase_weeks_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_keyphrase_weeks" ADD CONSTRAINT "title_keyphrase_weeks_keyphrase_id_fkey" FOREIGN KEY ("keyphrase_id") REFERENCES "keyphrases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Filled from the stored documents as rebuildKeyphraseStats (lib/store/keyphraseStats.ts) does:
-- dated originals, a row per title, phrase and week (its Monday).
INSERT INTO "title_keyphrase_weeks" ("title_id", "keyphrase_id", "week", "documents")
SELECT d."title_id", dk."keyphrase_id", date_trunc('week', d."published_at"::timestamp)::date, count(*)
  FROM "documents" d JOIN "document_keyphrases" dk ON dk."document_id" = d."id"
 WHERE d."duplicate_of_id" IS NULL AND d."published_at" IS NOT NULL
 GROUP BY 1, 2, 3;
