// Issue 17: « documents en retard » of the referent's home — the compte rendu financier each Région
// file owes within the DEADLINES rule set's delay after its fiscal year end (convention cadre art. 7.3).
import { describe, expect, it } from "vitest";
import { documentDeadlines, documentLabel, lateDocuments, monthsPastCloseReminder, type ReportDueFile } from "@/lib/home/region-home.rules";
import { monthToClose } from "@/lib/notifications/notification.rules";
import { DEADLINES_V1 } from "@/prisma/seed/rule-sets";

const LENS = "00000000-0000-4000-8000-000000000001";
const LILLE = "00000000-0000-4000-8000-000000000003";
const file = (over: Partial<ReportDueFile> = {}): ReportDueFile => ({
  platformId: LENS, year: 2025, fiscalYearEnd: new Date(Date.UTC(2025, 11, 31)), financialReportReceivedAt: null, ...over,
});
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe("documents dus à la Région : compte rendu financier (convention cadre art. 7.3)", () => {
  it("est dû six mois (jeu de règles DEADLINES) après la clôture de l'exercice, en retard dès le lendemain", () => {
    const [due] = documentDeadlines([file()], DEADLINES_V1, at("2026-06-30"));
    expect(due).toMatchObject({ platformId: LENS, year: 2025, kind: "FINANCIAL_REPORT", state: "SOON", daysLeft: 0, receivedAt: null });
    expect(due!.dueAt.toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(lateDocuments(documentDeadlines([file()], DEADLINES_V1, at("2026-06-30")))).toEqual([]);
    const late = lateDocuments(documentDeadlines([file()], DEADLINES_V1, at("2026-07-01")));
    expect(late.map((d) => [d.year, d.state, d.daysLeft])).toEqual([[2025, "LATE", -1]]);
  });

  it("suit le délai du jeu de règles en vigueur, pas un chiffre écrit dans le code", () => {
    const rules = { ...DEADLINES_V1, financialReportMonthsAfterFiscalYearEnd: 3 };
    expect(lateDocuments(documentDeadlines([file()], rules, at("2026-04-01"))).map((d) => d.daysLeft)).toEqual([-1]);
    expect(lateDocuments(documentDeadlines([file()], DEADLINES_V1, at("2026-04-01")))).toEqual([]);
  });

  it("n'est plus en retard une fois transmis, même après l'échéance ; sans fin d'exercice, rien n'est dû", () => {
    const received = file({ financialReportReceivedAt: new Date(Date.UTC(2026, 7, 20)) });
    const [d] = documentDeadlines([received], DEADLINES_V1, at("2026-12-01"));
    expect(d).toMatchObject({ state: "DONE", receivedAt: received.financialReportReceivedAt });
    expect(lateDocuments(documentDeadlines([received], DEADLINES_V1, at("2026-12-01")))).toEqual([]);
    expect(documentDeadlines([file({ fiscalYearEnd: null })], DEADLINES_V1, at("2026-12-01"))).toEqual([]);
  });

  it("liste le plus ancien retard d'abord, chaque plateforme et chaque exercice à part", () => {
    const files = [
      file({ platformId: LILLE, year: 2025 }),
      file({ platformId: LENS, year: 2024, fiscalYearEnd: new Date(Date.UTC(2024, 11, 31)) }),
      file({ platformId: LENS, year: 2025, fiscalYearEnd: new Date(Date.UTC(2025, 11, 31)), financialReportReceivedAt: new Date(Date.UTC(2026, 5, 1)) }),
    ];
    const late = lateDocuments(documentDeadlines(files, DEADLINES_V1, at("2026-12-04")));
    expect(late.map((d) => [d.platformId, d.year, d.daysLeft])).toEqual([[LENS, 2024, -522], [LILLE, 2025, -157]]);
    expect(late.map(documentLabel)).toEqual(["compte rendu financier 2024", "compte rendu financier 2025"]);
  });
});

describe("mois à clôturer en retard sur l'accueil du référent", () => {
  it("le retard commence à minuit à Paris, comme la notification des responsables", () => {
    // November ends; with 5 days allowed, the reminder starts on 6 December in Paris (23:00 UTC on the 5th).
    expect(monthsPastCloseReminder(new Date("2026-12-05T22:30:00Z"), 5, 1)).toEqual([]);
    expect(monthsPastCloseReminder(new Date("2026-12-05T23:30:00Z"), 5, 1)).toEqual([{ month: "2026-11", daysLate: 0 }]);
    expect(monthToClose(new Date("2026-12-05T23:30:00Z"), 5)).toBe("2026-11");
    expect(monthsPastCloseReminder(new Date("2026-12-07T10:00:00Z"), 5, 1)).toEqual([{ month: "2026-11", daysLate: 1 }]);
  });
});
