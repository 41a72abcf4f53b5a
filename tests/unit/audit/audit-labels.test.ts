import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_GROUPS, auditActionLabel, isKnownAuditAction } from "@/lib/audit/audit-labels";
import { RETENTION_ACTIONS } from "@/lib/retention/retention.service";
import { TRANSITIONS } from "@/lib/subsidy/subsidy-workflow.rules";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === "generated" || n === "node_modules") return [];
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe("libellés français du journal d'audit", () => {
  it("chaque code écrit par l'application a un libellé", () => {
    const codes = new Set<string>();
    for (const f of [...sources("lib"), ...sources("app")]) {
      for (const m of readFileSync(f, "utf8").matchAll(/action: "([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)) codes.add(m[1]!);
    }
    // Codes built at run time: workflow transitions, rights steps, retention items.
    for (const t of TRANSITIONS) codes.add(`subsidyFile.${t}`);
    for (const a of ["forward", "controllerOrder", "link", "answer", "reject", "execute", "restrict", "unrestrict", "erase"]) codes.add(`rights.${a}`);
    for (const a of RETENTION_ACTIONS) codes.add(`retention.${a}`);
    // Policy actions (permissions) share the syntax but are not audit codes.
    const policy = readFileSync("lib/authz/policy.ts", "utf8");
    const missing = [...codes].filter((c) => !isKnownAuditAction(c) && !policy.includes(`"${c}"`));
    expect(missing).toEqual([]);
    expect(codes.size).toBeGreaterThan(100);
  });

  it("dit l'action en français, et garde lisible un code inconnu", () => {
    expect(auditActionLabel("jobSeeker.read")).toBe("Consultation d'une fiche demandeur");
    expect(auditActionLabel("subsidyFile.sign")).toBe("Convention signée");
    expect(auditActionLabel("nouveau.code")).toBe("Autre action (nouveau.code)");
  });

  it("range chaque code dans un seul domaine", () => {
    const all = AUDIT_ACTION_GROUPS.flatMap((g) => Object.keys(g.actions));
    expect(new Set(all).size).toBe(all.length);
  });
});
