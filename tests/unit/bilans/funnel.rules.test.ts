import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { JOB_FUNNEL_STEPS, jobFunnel, type ProposalStatusName } from "@/lib/bilans/funnel.rules";

const STATUSES: ProposalStatusName[] = ["PROPOSED", "ACCEPTED", "REFUSED", "INTERVIEW", "HIRED", "NOT_RETAINED"];

describe("entonnoir des positionnements", () => {
  it("compte une seule cohorte par étape, selon l'état d'aujourd'hui", () => {
    const f = jobFunnel({ PROPOSED: 10, ACCEPTED: 6, REFUSED: 4, INTERVIEW: 3, HIRED: 2, NOT_RETAINED: 5 });
    expect(f.map((s) => [s.key, s.count, s.percentOfFirst])).toEqual([
      ["positioned", 30, 100], ["accepted", 16, 53], ["interviewed", 5, 17], ["hired", 2, 7],
    ]);
  });

  it("chaque étape est une partie de la précédente, quels que soient les effectifs", () => {
    for (let i = 1; i < JOB_FUNNEL_STEPS.length; i++) {
      for (const st of JOB_FUNNEL_STEPS[i]!.statuses) expect(JOB_FUNNEL_STEPS[i - 1]!.statuses).toContain(st);
    }
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }), (ns) => {
      const f = jobFunnel(Object.fromEntries(STATUSES.map((s, i) => [s, ns[i]!])));
      return f.every((s, i) => i === 0 || s.count <= f[i - 1]!.count);
    }));
  });

  it("une cohorte vide ne donne pas de pourcentage", () => {
    expect(jobFunnel({}).map((s) => [s.count, s.percentOfFirst])).toEqual([[0, null], [0, null], [0, null], [0, null]]);
  });

  it("chaque étape a une définition écrite", () => {
    for (const s of JOB_FUNNEL_STEPS) expect(s.definition.length).toBeGreaterThan(30);
  });
});
