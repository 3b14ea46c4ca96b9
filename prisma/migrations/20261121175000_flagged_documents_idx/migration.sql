-- A title's flagged documents, newest first, for the flags panel (getDocumentFlags): the few
-- flagged entries of the title instead of a heap visit to every document of it (29 ms down to
-- about 2.5 ms for an 11,000-document title, docs/performance.md). Prisma cannot express a
-- partial index, so it is written here by hand.
CREATE INDEX "documents_flagged_idx" ON "documents" ("title_id", "published_at" DESC NULLS LAST, "id") WHERE "flags" <> '{}';
