// Issue 22 §5–6: periods of the records the conventions give none for. Région annex 1 art. 3.1
// point 3: « supprimer les Données à caractère personnel à expiration de la durée de conservation »;
// annex 1 art. 2: « S'agissant de l'entreprise, la durée de conservation est portée à 48 mois ».
import { describe, expect, it } from "vitest";
import {
  auditEventDueForRemoval, breachDueForErasure, companyNoteDueForErasure, dueBefore, monthsElapsed, receiptCandidateMaxYear, receiptDestroyOn,
  receiptDueForDestruction, revisionDueForDeletion, rightsRequestDueForErasure, soleTraderDueForErasure,
} from "@/lib/retention/records-retention.rules";
import { retentionSchema, type RetentionRules } from "@/lib/rules/rule-set.schema";
import { RETENTION_V1 } from "@/prisma/seed/rule-sets";

const rules: RetentionRules = RETENTION_V1;
const at = (s: string) => new Date(s);

describe("records' retention periods (issue 22 §5)", () => {
  it("a rule set written before issue 22 still parses, with the proposed periods", () => {
    const old = { jobSeekerArchiveMonths: 18, jobSeekerDestroyMonths: 24, companyContactDestroyMonths: 48, preArchiveNoticeDays: 30 };
    expect(retentionSchema.parse(old)).toMatchObject({ closedRightsRequestMonths: 60, breachRecordMonths: 60, auditEventMonths: 12, receiptMonthsAfterYearEnd: 60, companyNoteMonths: 48, soleTraderMonths: 48, rectificationHistoryMonths: 12 });
  });

  it("counts calendar months on the Paris calendar", () => {
    expect(monthsElapsed(at("2021-06-15T10:00:00Z"), 60, at("2026-06-14T21:00:00Z"))).toBe(false);
    expect(monthsElapsed(at("2021-06-15T10:00:00Z"), 60, at("2026-06-14T22:30:00Z"))).toBe(true); // 15 June in Paris
    expect(dueBefore(at("2026-06-15T08:00:00Z"), 12).getTime()).toBeGreaterThan(at("2025-06-15T00:00:00Z").getTime());
  });

  it("closed rights requests: erased 60 months after the answer; an open one never", () => {
    const closed = { status: "ANSWERED", answeredAt: at("2021-06-15T10:00:00Z"), updatedAt: at("2021-06-15T10:00:00Z"), lifecycle: "ACTIVE" };
    expect(rightsRequestDueForErasure(closed, rules, at("2026-06-14T10:00:00Z"))).toBe(false);
    expect(rightsRequestDueForErasure(closed, rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(rightsRequestDueForErasure({ ...closed, status: "REJECTED" }, rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(rightsRequestDueForErasure({ ...closed, status: "IN_PROGRESS" }, rules, at("2030-01-01T10:00:00Z"))).toBe(false);
    expect(rightsRequestDueForErasure({ ...closed, lifecycle: "DESTROYED" }, rules, at("2030-01-01T10:00:00Z"))).toBe(false);
    // No answer date: its last change.
    expect(rightsRequestDueForErasure({ ...closed, answeredAt: null, updatedAt: at("2022-01-01T10:00:00Z") }, rules, at("2026-06-15T10:00:00Z"))).toBe(false);
    expect(rightsRequestDueForErasure(closed, { ...rules, closedRightsRequestMonths: 61 }, at("2026-06-15T10:00:00Z"))).toBe(false);
  });

  it("breach records: only a closed one, once", () => {
    const b = { status: "CLOSED", updatedAt: at("2021-06-15T10:00:00Z"), erasedAt: null };
    expect(breachDueForErasure(b, rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(breachDueForErasure({ ...b, status: "NOTIFIED" }, rules, at("2030-06-15T10:00:00Z"))).toBe(false);
    expect(breachDueForErasure({ ...b, erasedAt: at("2026-06-15T10:00:00Z") }, rules, at("2030-06-15T10:00:00Z"))).toBe(false);
  });

  it("receipts: 60 months after 31 December of the file's year", () => {
    expect(receiptDestroyOn(2020, rules)).toEqual({ y: 2025, m: 12, d: 31 });
    expect(receiptDueForDestruction(2020, rules, at("2025-12-30T12:00:00Z"))).toBe(false);
    expect(receiptDueForDestruction(2020, rules, at("2025-12-31T12:00:00Z"))).toBe(true);
    expect(receiptCandidateMaxYear(rules, at("2025-12-31T12:00:00Z"))).toBe(2020);
  });

  it("company notes and sole traders: the company's 48 months (annex 1 art. 2)", () => {
    expect(companyNoteDueForErasure(at("2022-06-15T10:00:00Z"), rules, at("2026-06-14T10:00:00Z"))).toBe(false);
    expect(companyNoteDueForErasure(at("2022-06-15T10:00:00Z"), rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    const c = { lastContactAt: at("2022-06-15T10:00:00Z"), createdAt: at("2020-01-01T10:00:00Z"), erasedAt: null };
    expect(soleTraderDueForErasure(c, rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(soleTraderDueForErasure({ ...c, lastContactAt: at("2023-01-01T10:00:00Z") }, rules, at("2026-06-15T10:00:00Z"))).toBe(false);
    // Never contacted: from its creation.
    expect(soleTraderDueForErasure({ ...c, lastContactAt: null, createdAt: at("2023-01-01T10:00:00Z") }, rules, at("2026-06-15T10:00:00Z"))).toBe(false);
    expect(soleTraderDueForErasure({ ...c, erasedAt: at("2026-06-15T10:00:00Z") }, rules, at("2030-06-15T10:00:00Z"))).toBe(false);
  });

  it("rectification history (§6) and audit events: their own periods", () => {
    expect(revisionDueForDeletion(at("2025-06-15T10:00:00Z"), rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(revisionDueForDeletion(at("2025-06-16T10:00:00Z"), rules, at("2026-06-15T10:00:00Z"))).toBe(false);
    expect(auditEventDueForRemoval(at("2025-06-15T10:00:00Z"), rules, at("2026-06-15T10:00:00Z"))).toBe(true);
    expect(auditEventDueForRemoval(at("2025-06-15T10:00:00Z"), { ...rules, auditEventMonths: 13 }, at("2026-06-15T10:00:00Z"))).toBe(false);
  });
});
