import { describe, expect, it } from "vitest";
import { allowedProposalTransitions, checkProposalTransition, PROPOSAL_STATUSES, type ProposalStatus } from "@/lib/proposals/proposal.rules";

const now = new Date("2026-11-23T10:00:00Z");

describe("machine à états des positionnements", () => {
  it("table complète des transitions d'un positionnement sur offre", () => {
    const expected: Record<ProposalStatus, ProposalStatus[]> = {
      PROPOSED: ["ACCEPTED", "REFUSED"],
      ACCEPTED: ["INTERVIEW", "HIRED", "NOT_RETAINED"],
      INTERVIEW: ["HIRED", "NOT_RETAINED"],
      REFUSED: [],
      HIRED: [],
      NOT_RETAINED: [],
    };
    for (const s of PROPOSAL_STATUSES) expect([...allowedProposalTransitions("JOB", s)], s).toEqual(expected[s]);
  });
  it("une formation ou un accompagnement s'arrête à accepté / refusé", () => {
    expect(allowedProposalTransitions("TRAINING", "PROPOSED")).toEqual(["ACCEPTED", "REFUSED"]);
    expect(allowedProposalTransitions("ACCOMPANIMENT", "ACCEPTED")).toEqual([]);
    const r = checkProposalTransition("TRAINING", "ACCEPTED", { to: "HIRED", hiredAt: now, contractType: "CDI" }, now);
    expect(r.ok).toBe(false);
  });
  it("refuse une transition interdite avec un message qui liste les possibles", () => {
    const r = checkProposalTransition("JOB", "PROPOSED", { to: "HIRED", hiredAt: now, contractType: "CDI" }, now);
    expect(r).toMatchObject({ ok: false, field: "to" });
    expect(!r.ok && r.message).toMatch(/« Accepté », « Refusé »/);
    const fin = checkProposalTransition("JOB", "HIRED", { to: "NOT_RETAINED", reason: "Autre", comment: "x" }, now);
    expect(!fin.ok && fin.message).toMatch(/état définitif/);
  });
  it("un refus exige un motif de la liste, et « Autre » un commentaire", () => {
    expect(checkProposalTransition("JOB", "PROPOSED", { to: "REFUSED" }, now)).toMatchObject({ ok: false, field: "reason" });
    expect(checkProposalTransition("JOB", "PROPOSED", { to: "REFUSED", reason: "Inventé" }, now)).toMatchObject({ ok: false, field: "reason" });
    expect(checkProposalTransition("JOB", "PROPOSED", { to: "REFUSED", reason: "Autre" }, now)).toMatchObject({ ok: false, field: "comment" });
    expect(checkProposalTransition("JOB", "PROPOSED", { to: "REFUSED", reason: "Garde d'enfants", comment: "  " }, now)).toEqual({
      ok: true, value: { status: "REFUSED", refusalReason: "Garde d'enfants", refusalComment: null, fillsOffer: false },
    });
  });
  it("non retenu exige un motif de non-sélection", () => {
    expect(checkProposalTransition("JOB", "INTERVIEW", { to: "NOT_RETAINED", reason: "Garde d'enfants" }, now)).toMatchObject({ ok: false, field: "reason" });
    expect(checkProposalTransition("JOB", "INTERVIEW", { to: "NOT_RETAINED", reason: "Expérience insuffisante" }, now)).toMatchObject({ ok: true, value: { notRetainedReason: "Expérience insuffisante" } });
  });
  it("une embauche exige une date passée et un contrat, et remplit un poste de l'offre", () => {
    expect(checkProposalTransition("JOB", "INTERVIEW", { to: "HIRED", contractType: "CDI" }, now)).toMatchObject({ ok: false, field: "hiredAt" });
    expect(checkProposalTransition("JOB", "INTERVIEW", { to: "HIRED", hiredAt: new Date("2026-12-01"), contractType: "CDI" }, now)).toMatchObject({ ok: false, field: "hiredAt" });
    expect(checkProposalTransition("JOB", "INTERVIEW", { to: "HIRED", hiredAt: now }, now)).toMatchObject({ ok: false, field: "contractType" });
    expect(checkProposalTransition("JOB", "ACCEPTED", { to: "HIRED", hiredAt: now, contractType: "CDD" }, now)).toEqual({
      ok: true, value: { status: "HIRED", hiredAt: now, hireContractType: "CDD", fillsOffer: true },
    });
  });
});
