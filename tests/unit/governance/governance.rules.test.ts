import { describe, expect, it } from "vitest";
import { governanceProgress } from "@/lib/governance/governance.rules";
import { governanceInputSchema } from "@/lib/governance/governance.schema";

const RULES = { COPRESIDENCE: { minPerYear: 3 }, POLE_DIRIGEANT: { minPerYear: 2 } };
const now = new Date("2026-06-15T10:00:00Z");
const m = (kind: "COPRESIDENCE" | "POLE_DIRIGEANT" | "COMITE_TECHNIQUE", iso: string) => ({ kind, date: new Date(iso) });
const byKind = (r: ReturnType<typeof governanceProgress>, kind: string) => r.find((p) => p.kind === kind)!;

describe("réunions de gouvernance tenues face au nombre requis", () => {
  it("compte les réunions de l'année en cours par type", () => {
    const r = governanceProgress(
      [m("COPRESIDENCE", "2026-02-10T09:30:00Z"), m("COPRESIDENCE", "2026-05-10T09:30:00Z"), m("POLE_DIRIGEANT", "2026-04-01T09:30:00Z")],
      RULES,
      now,
    );
    expect(byKind(r, "COPRESIDENCE")).toMatchObject({ held: 2, required: 3, met: false, percent: 67, label: "Coprésidence" });
    expect(byKind(r, "POLE_DIRIGEANT")).toMatchObject({ held: 1, required: 2, met: false, percent: 50 });
  });

  it("ignore les réunions des autres années et celles encore à venir", () => {
    const r = governanceProgress(
      [m("COPRESIDENCE", "2025-11-10T09:30:00Z"), m("COPRESIDENCE", "2026-09-10T09:30:00Z"), m("COPRESIDENCE", "2027-01-10T09:30:00Z")],
      RULES,
      now,
    );
    expect(byKind(r, "COPRESIDENCE").held).toBe(0);
  });

  it("« aujourd'hui » est le jour de Paris : une réunion du jour enregistrée entre minuit à Paris et minuit UTC est tenue, et l'année est celle de Paris", () => {
    // 23 h 30 UTC le 5 décembre = 0 h 30 le 6 à Paris : la date proposée par le formulaire est le 6.
    const lateUtc = new Date("2026-12-05T23:30:00Z");
    expect(byKind(governanceProgress([m("POLE_DIRIGEANT", "2026-12-06T00:00:00Z")], RULES, lateUtc), "POLE_DIRIGEANT").held).toBe(1);
    // 31 décembre, 23 h 30 UTC = 1er janvier à Paris : la nouvelle année commence, rien n'est encore tenu.
    const newYear = new Date("2026-12-31T23:30:00Z");
    const r = governanceProgress([m("POLE_DIRIGEANT", "2026-06-10T00:00:00Z"), m("POLE_DIRIGEANT", "2027-01-01T00:00:00Z")], RULES, newYear);
    expect(byKind(r, "POLE_DIRIGEANT").held).toBe(1);
    expect(byKind(governanceProgress([m("POLE_DIRIGEANT", "2026-06-10T00:00:00Z")], RULES, newYear), "POLE_DIRIGEANT").held).toBe(0);
  });

  it("compte une réunion datée d'aujourd'hui, quelle que soit l'heure", () => {
    const early = new Date("2026-06-15T06:00:00Z");
    expect(byKind(governanceProgress([m("POLE_DIRIGEANT", "2026-06-15T12:00:00Z")], RULES, early), "POLE_DIRIGEANT").held).toBe(1);
  });

  it("atteint l'objectif au nombre requis et plafonne la barre à 100 %", () => {
    const r = governanceProgress([m("POLE_DIRIGEANT", "2026-01-10T09:30:00Z"), m("POLE_DIRIGEANT", "2026-03-10T09:30:00Z"), m("POLE_DIRIGEANT", "2026-05-10T09:30:00Z")], RULES, now);
    expect(byKind(r, "POLE_DIRIGEANT")).toMatchObject({ held: 3, required: 2, met: true, percent: 100 });
  });

  it("expose la fourchette attendue quand le jeu de règles fixe un maximum (3 à 4 coprésidences)", () => {
    const r = governanceProgress([m("COPRESIDENCE", "2026-02-10T09:30:00Z")], { ...RULES, COPRESIDENCE: { minPerYear: 3, maxPerYear: 4 } }, now);
    expect(byKind(r, "COPRESIDENCE")).toMatchObject({ held: 1, required: 3, max: 4, met: false });
    expect(byKind(r, "POLE_DIRIGEANT").max).toBeNull();
  });

  it("sans minimum dans le jeu de règles, le type n'a pas d'objectif", () => {
    const r = governanceProgress([m("COMITE_TECHNIQUE", "2026-03-10T09:30:00Z")], RULES, now);
    expect(byKind(r, "COMITE_TECHNIQUE")).toMatchObject({ held: 1, required: null, met: true, percent: 100 });
  });

  it("suit un minimum fixé par l'administrateur pour le comité technique", () => {
    const r = governanceProgress([], { ...RULES, COMITE_TECHNIQUE: { minPerYear: 4 } }, now);
    expect(byKind(r, "COMITE_TECHNIQUE")).toMatchObject({ held: 0, required: 4, met: false, percent: 0 });
  });
});

describe("saisie d'une réunion", () => {
  it("lit les participants un par ligne", () => {
    const r = governanceInputSchema.parse({ kind: "COPRESIDENCE", date: "2026-06-15", attendees: "Maire de Lens\n\n  Région  \n" });
    expect(r.attendees).toEqual(["Maire de Lens", "Région"]);
  });
  it("exige au moins un participant et une date valide", () => {
    const r = governanceInputSchema.safeParse({ kind: "COPRESIDENCE", date: "15/06/2026", attendees: "" });
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({ date: "Date invalide (AAAA-MM-JJ).", attendees: "Indiquez au moins un participant." });
  });
});
