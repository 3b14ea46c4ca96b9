-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('review', 'article');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('anticipation', 'reception');

-- CreateEnum
CREATE TYPE "StanceLabel" AS ENUM ('positive', 'mixed', 'negative', 'neutral');

-- CreateEnum
CREATE TYPE "DateSource" AS ENUM ('metadata', 'text', 'url', 'cli', 'none');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'partial', 'failed');

-- CreateTable
CREATE TABLE "titles" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "release_date" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "titles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" SERIAL NOT NULL,
    "title_id" INTEGER NOT NULL,
    "source_id" INTEGER,
    "ingest_run_id" INTEGER,
    "url" TEXT,
    "headline" TEXT,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "kind_inferred" BOOLEAN NOT NULL DEFAULT false,
    "published_at" DATE,
    "date_source" "DateSource" NOT NULL,
    "phase" "Phase",
    "phase_inferred" BOOLEAN NOT NULL DEFAULT false,
    "stance_score" DOUBLE PRECISION NOT NULL,
    "stance_label" "StanceLabel" NOT NULL,
    "stance_confidence" DOUBLE PRECISION NOT NULL,
    "evaluative_share" DOUBLE PRECISION NOT NULL,
    "sentence_count" INTEGER NOT NULL,
    "word_count" INTEGER NOT NULL,
    "removed_boilerplate" INTEGER NOT NULL DEFAULT 0,
    "removed_repeats" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sentences" (
    "document_id" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "evaluative" BOOLEAN NOT NULL,
    "anticipation" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "title_id" INTEGER NOT NULL,
    "published_at" DATE,

    CONSTRAINT "sentences_pkey" PRIMARY KEY ("document_id","index")
);

-- CreateTable
CREATE TABLE "keyphrases" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "keyphrases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_keyphrases" (
    "document_id" INTEGER NOT NULL,
    "keyphrase_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "document_keyphrases_pkey" PRIMARY KEY ("document_id","keyphrase_id")
);

-- CreateTable
CREATE TABLE "title_daily_stats" (
    "title_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "phase" "Phase" NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "documents" INTEGER NOT NULL,
    "stance_sum" DOUBLE PRECISION NOT NULL,
    "positive" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "mixed" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,

    CONSTRAINT "title_daily_stats_pkey" PRIMARY KEY ("title_id","day","phase","kind")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "request" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "seen" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "titles_slug_key" ON "titles"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "sources_name_key" ON "sources"("name");

-- CreateIndex
CREATE UNIQUE INDEX "documents_content_hash_key" ON "documents"("content_hash");

-- CreateIndex
CREATE INDEX "documents_title_id_published_at_idx" ON "documents"("title_id", "published_at");

-- CreateIndex
CREATE INDEX "documents_title_id_phase_kind_idx" ON "documents"("title_id", "phase", "kind");

-- CreateIndex
CREATE INDEX "documents_source_id_idx" ON "documents"("source_id");

-- CreateIndex
CREATE INDEX "sentences_title_id_published_at_idx" ON "sentences"("title_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "keyphrases_key_key" ON "keyphrases"("key");

-- CreateIndex
CREATE INDEX "document_keyphrases_keyphrase_id_idx" ON "document_keyphrases"("keyphrase_id");

-- CreateIndex
CREATE INDEX "ingest_runs_started_at_idx" ON "ingest_runs"("started_at");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_ingest_run_id_fkey" FOREIGN KEY ("ingest_run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sentences" ADD CONSTRAINT "sentences_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_keyphrases" ADD CONSTRAINT "document_keyphrases_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_keyphrases" ADD CONSTRAINT "document_keyphrases_keyphrase_id_fkey" FOREIGN KEY ("keyphrase_id") REFERENCES "keyphrases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_daily_stats" ADD CONSTRAINT "title_daily_stats_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
