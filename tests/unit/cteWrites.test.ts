import { describe, expect, it } from "vitest";
import { composeWrites } from "../../lib/store/cteWrites";

describe("composeWrites", () => {
  it("renumbers each write's parameters after the ones before it, and keeps their CTEs in order", () => {
    const { text, values } = composeWrites([
      { ctes: [{ name: "a_add", sql: "insert into a values ($1, $2, $1)" }], params: [1, "x"] },
      {
        ctes: [
          { name: "b_add", sql: "insert into b select $1, v from unnest($2::int[]) v returning v" },
          { name: "b_more", sql: "update c set n = n + $3 where id in (select v from b_add)" },
        ],
        params: [7, [1, 2], 5],
      },
    ]);
    expect(text).toBe(
      [
        "with a_add as (insert into a values ($1, $2, $1)),",
        "b_add as (insert into b select $3, v from unnest($4::int[]) v returning v),",
        "b_more as (update c set n = n + $5 where id in (select v from b_add))",
        "select 1",
      ].join("\n"),
    );
    expect(values).toEqual([1, "x", 7, [1, 2], 5]);
  });

  it("renumbers two-digit parameters whole ($10 is not $1 followed by 0)", () => {
    const params = Array.from({ length: 10 }, (_, i) => i);
    const { text } = composeWrites([
      { ctes: [{ name: "first", sql: "select $1" }], params: [0] },
      { ctes: [{ name: "second", sql: "select $10, $1" }], params },
    ]);
    expect(text).toContain("second as (select $11, $2)");
  });
});
