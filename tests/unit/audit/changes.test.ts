import { describe, expect, it } from "vitest";
import { auditChanges, REDACTED } from "@/lib/audit/changes";

describe("différences consignées dans le journal d'audit", () => {
  it("ne garde que les champs modifiés, avec l'ancienne et la nouvelle valeur", () => {
    expect(auditChanges({ sector: "BTP", active: true, since: new Date("2026-01-01T00:00:00Z") }, { sector: "Industrie", active: true, since: undefined })).toEqual({
      sector: { from: "BTP", to: "Industrie" },
    });
  });
  it("décrit une création depuis rien", () => {
    expect(auditChanges(null, { kind: "COPRESIDENCE", attendees: ["A", "B"] })).toEqual({ kind: { from: null, to: "COPRESIDENCE" }, attendees: { from: null, to: '["A","B"]' } });
  });
  it("nomme les champs personnels modifiés sans en copier la valeur", () => {
    expect(auditChanges({ proEmail: "a@x.fr", lastName: "Durand" }, { proEmail: "b@x.fr", lastName: "Durand" }, ["proEmail", "lastName"])).toEqual({
      proEmail: { from: REDACTED, to: REDACTED },
    });
  });
});
