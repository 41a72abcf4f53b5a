import { afterEach, describe, expect, it, vi } from "vitest";
import { ROLES, scopeFor, type Principal, type ScopedModel, type ScopeWhere } from "@/lib/authz/policy";
import { sqlScope } from "@/lib/authz/sql-scope";
import { logger } from "@/lib/logger";

const LENS = "00000000-0000-4000-8000-000000000001";
const AMIENS = "00000000-0000-4000-8000-000000000002";
const ME = "00000000-0000-4000-8000-0000000000aa";

function principal(role: Principal["role"], extra: Partial<Principal> = {}): Principal {
  return { id: ME, role, allPlatforms: false, platformIds: [], ...extra };
}

const sql = (scope: ScopeWhere) => {
  const s = sqlScope(scope, "t");
  return { text: s.text, values: s.values };
};

afterEach(() => vi.restoreAllMocks());

describe("sqlScope: the policy's scope in SQL", () => {
  it("translates every shape scopeFor returns", () => {
    const error = vi.spyOn(logger, "error");
    expect(sql({})).toEqual({ text: "TRUE", values: [] });
    expect(sql({ platformId: { in: [LENS, AMIENS] } })).toEqual({ text: `t."platformId" = ANY($1::uuid[])`, values: [[LENS, AMIENS]] });
    expect(sql({ id: { in: [LENS] } })).toEqual({ text: `t."id" = ANY($1::uuid[])`, values: [[LENS]] });
    expect(sql({ platformId: { in: [] } })).toEqual({ text: "FALSE", values: [] });
    expect(sql({ id: { in: [] } })).toEqual({ text: "FALSE", values: [] });
    expect(sql({ referentId: ME })).toEqual({ text: `t."referentId" = $1::uuid`, values: [ME] });
    expect(error).not.toHaveBeenCalled();
  });

  // The models whose reads are written in SQL (search, offers list, job seeker's detail): every
  // scope any role can get for them is one of the shapes above, never the fail-closed fallback.
  const KNOWN = ["TRUE", "FALSE", `t."platformId" = ANY($1::uuid[])`, `t."referentId" = $1::uuid`];
  const SQL_MODELS: ScopedModel[] = ["company", "jobSeeker", "offer", "event"];
  const REACHES: Partial<Principal>[] = [{}, { platformIds: [LENS, AMIENS] }, { allPlatforms: true }, { allPlatforms: true, platformIds: [LENS] }];
  for (const role of ROLES) {
    it(`${role}: every scope of the models read in SQL is translated without the fallback`, () => {
      const error = vi.spyOn(logger, "error");
      for (const model of SQL_MODELS) {
        for (const reach of REACHES) {
          const scope = scopeFor(principal(role, reach), model);
          if (scope) expect(KNOWN, `${model} ${JSON.stringify(reach)}`).toContain(sql(scope).text);
        }
      }
      expect(error).not.toHaveBeenCalled();
    });
  }

  it("an unknown shape matches nothing (fail closed, no exception) and is logged as an error, without its values", () => {
    const unknown: ScopeWhere[] = [
      { jobSeeker: { referentId: ME } }, // proposal's scope: a relation, not a column
      { funder: "FRANCE_TRAVAIL", reviewerId: ME }, // subsidy file's: two keys
      { platformId: LENS }, // a bare value where `in` is expected
      { platformId: { in: [LENS], notIn: [AMIENS] } },
      { platformId: { in: [1, 2] } },
      { referentId: { in: [ME] } },
      { OR: [{ platformId: { in: [LENS] } }] },
      { companyId: { in: [LENS] } },
    ];
    for (const scope of unknown) {
      const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
      expect(sql(scope), JSON.stringify(scope)).toEqual({ text: "FALSE", values: [] });
      expect(error).toHaveBeenCalledTimes(1);
      const [fields, message] = error.mock.calls[0] as unknown as [Record<string, unknown>, string];
      expect(fields).toEqual({ scopeKeys: Object.keys(scope), alias: "t" });
      expect(message).toMatch(/Périmètre non traduisible en SQL/);
      expect(JSON.stringify(fields)).not.toContain(ME);
      error.mockRestore();
    }
  });
});
