import { describe, expect, it } from "vitest";
import { jobSeekerListRow } from "@/lib/job-seekers/job-seeker-list.rows";

const item = {
  id: "00218dbc-92c8-4d8f-8bf7-16d845996a2c",
  lastName: "Schneider",
  firstName: "Quentine",
  platform: "Proch'Emploi Métropole Européenne de Lille",
  city: "Wissignicourt",
  origin: "PARTENAIRE" as const,
  latestProposal: { kind: "JOB" as const, status: "PROPOSED" as const, label: "Agent / Agente de service", at: "2026-11-30T23:30:00.000Z" },
  lastContactAt: "2026-11-02",
};

describe("jobSeekerListRow (the /demandeurs table's rows, serialized into the page)", () => {
  it("sends the platform's name only when the list shows a platform column", () => {
    expect(jobSeekerListRow(item, { showPlatform: true }).platform).toBe(item.platform);
    const row = jobSeekerListRow(item, { showPlatform: false });
    expect("platform" in row).toBe(false);
    expect(JSON.stringify(row)).not.toContain("Métropole");
  });

  it("writes every cell in words, with Paris dates", () => {
    expect(jobSeekerListRow(item, { showPlatform: false })).toEqual({
      id: item.id,
      name: "Schneider Quentine",
      city: "Wissignicourt",
      origin: "Orienté·e par un partenaire",
      latestProposal: expect.stringMatching(/^Agent \/ Agente de service : .+ \(01\/12\/2026\)$/),
      lastContact: "02/11/2026",
    });
  });
});
