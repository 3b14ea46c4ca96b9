// One fresh, migrated database per integration test file, on DATABASE_URL's server when set,
// else on the embedded server. Point the app at it before anything connects.
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "../../lib/db/client";
import { createScratchDatabase, type ScratchDatabase } from "../../lib/db/scratch";

export function useTestDatabase(label: string): { url: () => string } {
  let db: ScratchDatabase | undefined;
  beforeAll(async () => {
    db = await createScratchDatabase(`hypeline_test_${label}_${process.pid}`);
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    await closeDb();
    await db?.drop();
  });
  return { url: () => db!.url };
}
