import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { governanceInputSchema, governanceListQuerySchema } from "@/lib/governance/governance.schema";
import {
  createGovernanceMeeting, deleteGovernanceMeeting, getGovernanceMeeting, governanceProgressByPlatform, governanceProgressForPlatform, listGovernanceMeetings, updateGovernanceMeeting,
} from "@/lib/governance/governance.service";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

const meeting = (extra: Record<string, unknown> = {}) => governanceInputSchema.parse({ kind: "COPRESIDENCE", date: "2026-03-12", attendees: "Maire de Lens\nRéférente Région", decisions: "Validation du bilan", ...extra });
const now = new Date("2026-06-15T10:00:00Z");

async function setup() {
  const lens = await createPlatform(db, "Lens");
  const amiens = await createPlatform(db, "Amiens");
  const manager = await principal(db, "PLATFORM_MANAGER", [lens.id]);
  return { lens, amiens, manager };
}

describe("réunions de gouvernance", () => {
  it("enregistre une réunion sur la plateforme du responsable et fait avancer le compte de l'année", async () => {
    const { lens, manager } = await setup();
    const before = await governanceProgressByPlatform(db, manager, now);
    expect(before).toHaveLength(1);
    expect(before[0]!.progress.find((p) => p.kind === "COPRESIDENCE")).toMatchObject({ held: 0, required: 3, met: false });
    const m = await createGovernanceMeeting(db, manager, meeting());
    expect(m).toMatchObject({ platformId: lens.id, kind: "COPRESIDENCE", date: "2026-03-12T12:00:00.000Z", attendees: ["Maire de Lens", "Référente Région"], version: 1 });
    const after = await governanceProgressByPlatform(db, manager, now);
    expect(after[0]!.progress.find((p) => p.kind === "COPRESIDENCE")).toMatchObject({ held: 1, required: 3, percent: 33 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "governanceMeeting.created", entityId: m.id } });
    expect(audit).toMatchObject({ actorId: manager.id, platformId: lens.id });
    expect(audit.metadata).toMatchObject({ changes: { kind: { from: null, to: "COPRESIDENCE" } } });
  });

  it("donne le compte de l'année d'une seule plateforme (page plateforme), avec la fourchette du jeu de règles, et rien hors périmètre", async () => {
    const { lens, amiens, manager } = await setup();
    await createGovernanceMeeting(db, manager, meeting());
    await createGovernanceMeeting(db, manager, meeting({ kind: "POLE_DIRIGEANT", date: "2026-04-02" }));
    await createGovernanceMeeting(db, manager, meeting({ date: "2025-11-02" }));
    const one = await governanceProgressForPlatform(db, manager, lens.id, now);
    expect(one).toMatchObject({ platformId: lens.id, year: 2026 });
    expect(one!.progress.find((p) => p.kind === "COPRESIDENCE")).toMatchObject({ held: 1, required: 3, max: 4 });
    expect(one!.progress.find((p) => p.kind === "POLE_DIRIGEANT")).toMatchObject({ held: 1, required: 2, max: null });
    expect(await governanceProgressForPlatform(db, manager, amiens.id, now)).toBeNull();
  });

  it("l'année en cours est celle de Paris : le 31 décembre à 23 h 30 UTC (1er janvier à Paris), la réunion du jour compte pour la nouvelle année", async () => {
    const { lens, manager } = await setup();
    await createGovernanceMeeting(db, manager, meeting({ date: "2026-06-10" }));
    // The form's default date at 00:30 in Paris on 1 January is the 1st.
    await createGovernanceMeeting(db, manager, meeting({ date: "2027-01-01" }));
    const newYear = new Date("2026-12-31T23:30:00Z");
    const one = await governanceProgressForPlatform(db, manager, lens.id, newYear);
    expect(one).toMatchObject({ platformId: lens.id, year: 2027 });
    expect(one!.progress.find((p) => p.kind === "COPRESIDENCE")).toMatchObject({ held: 1, required: 3 });
  });

  it("modifie avec la version lue, répond 409 sur une version périmée et consigne la différence", async () => {
    const { manager } = await setup();
    const m = await createGovernanceMeeting(db, manager, meeting());
    const updated = await updateGovernanceMeeting(db, manager, m.id, { decisions: "Validation de la demande de subvention", version: 1 });
    expect(updated).toMatchObject({ decisions: "Validation de la demande de subvention", version: 2 });
    await expect(updateGovernanceMeeting(db, manager, m.id, { decisions: "x", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "governanceMeeting.updated", entityId: m.id } });
    expect(audit.metadata).toEqual({ changes: { decisions: { from: "Validation du bilan", to: "Validation de la demande de subvention" } } });
    await expect(deleteGovernanceMeeting(db, manager, m.id, 1)).rejects.toBeInstanceOf(ConflictError);
    await deleteGovernanceMeeting(db, manager, m.id, 2);
    await expect(getGovernanceMeeting(db, manager, m.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cloisonne les plateformes : la réunion d'une autre plateforme est introuvable", async () => {
    const { amiens, manager } = await setup();
    const m = await createGovernanceMeeting(db, manager, meeting());
    const other = await principal(db, "PLATFORM_MANAGER", [amiens.id]);
    await expect(getGovernanceMeeting(db, other, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateGovernanceMeeting(db, other, m.id, { decisions: "x", version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteGovernanceMeeting(db, other, m.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listGovernanceMeetings(db, other, governanceListQuerySchema.parse({}))).total).toBe(0);
    expect((await governanceProgressByPlatform(db, other, now))[0]!.progress.every((p) => p.held === 0)).toBe(true);
    const finance = await principal(db, "REGION_FINANCE", [], { allPlatforms: true });
    await expect(listGovernanceMeetings(db, finance, governanceListQuerySchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("montre au référent Région chaque plateforme et filtre la liste par type et par année", async () => {
    const { manager } = await setup();
    await createGovernanceMeeting(db, manager, meeting());
    await createGovernanceMeeting(db, manager, meeting({ kind: "POLE_DIRIGEANT", date: "2025-10-02" }));
    const referent = await principal(db, "REGION_REFERENT", [], { allPlatforms: true });
    expect((await governanceProgressByPlatform(db, referent, now)).map((p) => p.platform)).toEqual(["Amiens", "Lens"]);
    const q = (x: Record<string, unknown>) => governanceListQuerySchema.parse(x);
    expect((await listGovernanceMeetings(db, referent, q({ year: "2025" }))).items.map((m) => m.kind)).toEqual(["POLE_DIRIGEANT"]);
    expect((await listGovernanceMeetings(db, referent, q({ kind: "COPRESIDENCE" }))).total).toBe(1);
  });
});
