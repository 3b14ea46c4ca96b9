-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "duplicate_of_id" INTEGER,
ADD COLUMN     "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "minhash" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "sentences" ADD COLUMN     "aspects" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "title_aspect_stats" (
    "title_id" INTEGER NOT NULL,
    "aspect" TEXT NOT NULL,
    "phase" "Phase" NOT NULL,
    "n" INTEGER NOT NULL,
    "score_sum" DOUBLE PRECISION NOT NULL,
    "score_sq" DOUBLE PRECISION NOT NULL,
    "positive" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,

    CONSTRAINT "title_aspect_stats_pkey" PRIMARY KEY ("title_id","aspect","phase")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_people" (
    "document_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,
    "evaluative_mentions" INTEGER NOT NULL DEFAULT 0,
    "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "document_people_pkey" PRIMARY KEY ("document_id","person_id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "title_id" INTEGER NOT NULL,
    "sentence_index" INTEGER,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "quote" TEXT NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "title_events" (
    "id" SERIAL NOT NULL,
    "title_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "label" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'manual',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "title_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feeds" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title_id" INTEGER,
    "every_minutes" INTEGER NOT NULL,
    "last_polled_at" TIMESTAMP(3),
    "last_error" TEXT,
    "etag" TEXT,
    "last_modified" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed_items" (
    "feed_id" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "document_id" INTEGER,
    "seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_items_pkey" PRIMARY KEY ("feed_id","guid")
);

-- CreateTable
CREATE TABLE "ingest_run_items" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "document_id" INTEGER,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_run_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "people_key_key" ON "people"("key");

-- CreateIndex
CREATE INDEX "document_people_person_id_idx" ON "document_people"("person_id");

-- CreateIndex
CREATE INDEX "claims_title_id_kind_idx" ON "claims"("title_id", "kind");

-- CreateIndex
CREATE INDEX "claims_document_id_idx" ON "claims"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "title_events_title_id_day_label_key" ON "title_events"("title_id", "day", "label");

-- CreateIndex
CREATE UNIQUE INDEX "feeds_url_key" ON "feeds"("url");

-- CreateIndex
CREATE INDEX "ingest_run_items_run_id_idx" ON "ingest_run_items"("run_id");

-- CreateIndex
CREATE INDEX "documents_duplicate_of_id_idx" ON "documents"("duplicate_of_id");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_aspect_stats" ADD CONSTRAINT "title_aspect_stats_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_people" ADD CONSTRAINT "document_people_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_people" ADD CONSTRAINT "document_people_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_events" ADD CONSTRAINT "title_events_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_run_items" ADD CONSTRAINT "ingest_run_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_run_items" ADD CONSTRAINT "ingest_run_items_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
