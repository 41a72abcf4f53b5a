// « Prospection »: the ranked list of a platform's register establishments (followed and set-aside ones
// excluded at read time), « Écarter » kept with its reason, « Planifier une visite » creating the company
// from the register's data; another platform's user sees nothing of it.
import { subMonths, subYears } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { startTableExport } from "@/lib/exports/table-export.service";
import { JOBS } from "@/lib/jobs/registry";
import { companyFromRegister, dismissProspect, listProspects, registerEstablishment, searchRegister } from "@/lib/prospecting/prospect.service";
import { withLuhnKey } from "@/lib/rules/siret.rules";
import { createPlatform, createRuleSets, platformUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-12-03T10:00:00Z");
const siret = (n: number) => withLuhnKey(withLuhnKey(String(20_000_000 + n)) + "0001");
const S = { restaurant: siret(1), transport: siret(2), closed: siret(3), unknownSector: siret(4), followed: siret(5), dormant: siret(6), outside: siret(7) };

let platformId: string;
let assistant: CurrentUser;

async function establishment(s: string, o: { naf: string | null; commune: string; headcount?: string; created?: Date; active?: boolean; name: string }) {
  await db.sireneEstablishment.create({
    data: {
      siret: s, siren: s.slice(0, 9), name: o.name, nafCode: o.naf, headcountCode: o.headcount ?? "NN", createdOn: o.created ?? null,
      active: o.active ?? true, addressLine: "12 RUE DES MINEURS", postalCode: o.commune === "62498" ? "62300" : "62800",
      city: o.commune === "62498" ? "LENS" : "LIEVIN", inseeCode: o.commune, importId: "00000000-0000-4000-8000-000000000001",
    },
  });
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  const p = await createPlatform(db);
  platformId = p.id;
  await db.platform.update({ where: { id: p.id }, data: { perimeterInseeCodes: ["62498", "62510"] } });
  assistant = await platformUser(db, "PLATFORM_ASSISTANT", platformId);
  // Three cooks in Lens, one truck driver in Liévin, one archived cook (not counted).
  for (const [rome, commune, lifecycle] of [["G1602", "62498", "ACTIVE"], ["G1602", "62498", "ACTIVE"], ["G1602", "62498", "ACTIVE"], ["N4101", "62510", "ACTIVE"], ["G1602", "62498", "ARCHIVED"]] as const) {
    await db.jobSeeker.create({ data: { platformId, lastName: "Test", firstName: "Personne", origin: "SPONTANE", desiredRomeCodes: [rome], inseeCode: commune, lifecycle, lastContactAt: NOW } });
  }
  await db.sireneImport.create({ data: { id: "00000000-0000-4000-8000-000000000001", fileName: "test.csv", fileSize: 1n, fileFingerprint: "t", status: "DONE", finishedAt: subMonths(NOW, 1) } });
  await establishment(S.restaurant, { naf: "5610A", commune: "62510", headcount: "12", created: subYears(NOW, 1), name: "AU BON COIN" });
  await establishment(S.transport, { naf: "4941A", commune: "62498", headcount: "03", created: subYears(NOW, 20), name: "TRANSPORTS DU NORD" });
  await establishment(S.closed, { naf: "5610A", commune: "62498", active: false, name: "FERMÉ" });
  await establishment(S.unknownSector, { naf: null, commune: "62498", name: "SANS ACTIVITÉ" });
  await establishment(S.followed, { naf: "5610A", commune: "62498", name: "DÉJÀ SUIVIE" });
  await establishment(S.dormant, { naf: "5610A", commune: "62498", name: "ENDORMIE" });
  await establishment(S.outside, { naf: "5610A", commune: "80021", name: "AMIENS" });
  await db.company.create({ data: { platformId, siret: S.followed, siren: S.followed.slice(0, 9), name: "Déjà suivie", lastContactAt: subMonths(NOW, 2) } });
  await db.company.create({ data: { platformId, siret: S.dormant, siren: S.dormant.slice(0, 9), name: "Endormie", lastContactAt: subMonths(NOW, 14) } });
});

const list = (u = assistant, f = {}) => listProspects(db, u, platformId, { page: 1, pageSize: 20, ...f }, NOW);

describe("prospection", () => {
  it("classe les établissements actifs du périmètre non suivis, avec leurs raisons", async () => {
    const r = await list();
    // By hand (weights 4/2/1/2/1; tension shares from the shipped France Travail files, threshold 50 %, hirings ≥ 10:
    // 5610A 141 320 / 171 094 = 0,826 ; 4941A 38 819 / 39 323 = 0,987):
    // restaurant (Liévin, 20–49, 1 an) : (4×3/20 + 2×1 + 1×1 + 2×0,826 + 1×(1 − 3,7/30)) / 10 = 61,3
    // transport (Lens, 6–9, 20 ans)    : (4×1/20 + 2×0,6 + 1×0,3 + 2×0,987 + 1×1) / 10 = 46,7
    // endormie (Lens, inconnu, sans date): (4×3/20 + 2×0,3 + 0 + 2×0,826 + 1) / 10 = 38,5
    // sans activité (Lens, inconnu)    : (0 + 2×0,3 + 0 + 0 + 1) / 10 = 16,0
    expect(r.items.map((x) => [x.siret, x.score])).toEqual([
      [S.restaurant, 61.3],
      [S.transport, 46.7],
      [S.dormant, 38.5],
      [S.unknownSector, 16],
    ]);
    const restaurant = r.items[0]!;
    expect(restaurant.matchingSeekers).toBe(3);
    expect(restaurant.reasons[0]).toBe("3 demandeurs recherchent des métiers que ce secteur recrute");
    expect(restaurant.reasons).toContain("20 à 49 salariés");
    expect(restaurant.reasons).toContain("créé il y a 1 an");
    expect(restaurant.nafLabel).toBe("Restauration traditionnelle");
    // Liévin → Lens (the cooks) ≈ 3,7 km: the median distance to the platform's job seekers.
    expect(restaurant.distanceKm).toBeCloseTo(3.7, 0);
    expect(r.items.find((x) => x.siret === S.transport)!.matchingSeekers).toBe(1);
    // Followed but not contacted for 14 months (> 12 of the rule set): back in the list, with its record.
    expect(r.items.find((x) => x.siret === S.dormant)!.companyId).not.toBeNull();
    expect(r.total).toBe(4);
    // Scored: the five active establishments of the perimeter (closed and outside ones never).
    expect(await db.prospectScore.count({ where: { platformId } })).toBe(5);
  });

  it("filtre par commune, secteur, effectif et distance", async () => {
    expect((await list(assistant, { commune: "62510" })).items.map((x) => x.siret)).toEqual([S.restaurant]);
    expect((await list(assistant, { sector: "49" })).items.map((x) => x.siret)).toEqual([S.transport]);
    expect((await list(assistant, { minHeadcount: "11" })).items.map((x) => x.siret)).toEqual([S.restaurant]);
    expect((await list(assistant, { maxDistanceKm: 1 })).items.map((x) => x.siret).sort()).toEqual([S.dormant, S.transport, S.unknownSector].sort());
  });

  it("« Écarter » retire l'établissement de la liste, avec son motif gardé et tracé", async () => {
    await expect(dismissProspect(db, assistant, platformId, S.transport, " ")).rejects.toThrow(ValidationError);
    await dismissProspect(db, assistant, platformId, S.transport, "Fermeture annoncée dans la presse");
    expect((await list()).items.map((x) => x.siret)).not.toContain(S.transport);
    expect(await db.prospectDismissal.findFirstOrThrow({ where: { platformId, siret: S.transport } })).toMatchObject({ reason: "Fermeture annoncée dans la presse", createdById: assistant.id });
    expect(await db.auditEvent.count({ where: { action: "prospect.dismissed", entityId: S.transport } })).toBe(1);
  });

  it("« Planifier une visite » crée l'entreprise avec les données du répertoire, une seule fois", async () => {
    const id = await companyFromRegister(db, assistant, platformId, S.restaurant);
    const c = await db.company.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ platformId, siret: S.restaurant, name: "AU BON COIN", nafCode: "5610A", headcountBand: "H10_49", inseeCode: "62510", city: "Liévin", addressLine: "12 RUE DES MINEURS" });
    expect(await companyFromRegister(db, assistant, platformId, S.restaurant)).toBe(id);
    expect(await db.company.count({ where: { siret: S.restaurant } })).toBe(1);
    // Followed now (created today): no longer in the list.
    expect((await list()).items.map((x) => x.siret)).not.toContain(S.restaurant);
    await expect(companyFromRegister(db, assistant, platformId, S.outside)).rejects.toThrow(NotFoundError);
  });

  it("la fiche entreprise lit l'état du répertoire : fermé, secteur avec son libellé, tranche de l'application", async () => {
    expect(await registerEstablishment(db, S.closed)).toMatchObject({ active: false, nafCode: "5610A", nafLabel: "Restauration traditionnelle" });
    expect(await registerEstablishment(db, S.restaurant)).toMatchObject({ active: true, companyBand: "H10_49" });
    expect(await registerEstablishment(db, siret(99))).toBeNull();
  });

  it("une autre plateforme ne voit ni la liste ni les établissements de celle-ci", async () => {
    const other = await createPlatform(db);
    const stranger = await platformUser(db, "PLATFORM_ASSISTANT", other.id);
    await expect(list(stranger)).rejects.toThrow(NotFoundError);
    await expect(companyFromRegister(db, stranger, platformId, S.restaurant)).rejects.toThrow(NotFoundError);
    await expect(dismissProspect(db, stranger, platformId, S.restaurant, "pas pour nous")).rejects.toThrow(NotFoundError);
    expect(await db.prospectDismissal.count()).toBe(0);
  });

  it("deux personnes ouvrent la liste au même moment d'un nouveau jour : un seul calcul, deux listes identiques", async () => {
    const [a, b, c] = await Promise.all([list(), list(), list()]);
    expect(b.items).toEqual(a.items);
    expect(c.items).toEqual(a.items);
    // Every active establishment of the perimeter scored once (the set-aside and followed ones are filtered at read time).
    expect(await db.prospectScore.count({ where: { platformId } })).toBe(5);
  });

  it("deux clics « Planifier une visite » simultanés mènent à la même entreprise, créée une fois", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => companyFromRegister(db, assistant, platformId, S.transport)));
    expect(new Set(ids).size).toBe(1);
    expect(await db.company.count({ where: { platformId, siret: S.transport } })).toBe(1);
  });

  it("la tâche de nuit calcule les listes avant la première consultation du jour, une seule fois", async () => {
    const job = JOBS.find((j) => j.name === "prospect-scores")!;
    expect(await job.handler({ db, now: NOW })).toEqual({ platforms: 1, establishments: 5 });
    const computed = await db.prospectScore.findFirstOrThrow({ where: { platformId }, select: { computedAt: true } });
    expect(computed.computedAt).toEqual(NOW);
    // Already fresh for the day: nothing recomputed, and the list says when it was computed.
    expect(await job.handler({ db, now: NOW })).toEqual({ platforms: 1, establishments: 0 });
    expect((await list()).computedAt).toEqual(NOW);
  });

  it("« un nouveau jour » est celui de Paris : à 0 h 30 à Paris (23 h 30 UTC), les listes de la veille sont recalculées", async () => {
    const job = JOBS.find((j) => j.name === "prospect-scores")!;
    expect(await job.handler({ db, now: NOW })).toEqual({ platforms: 1, establishments: 5 });
    expect(await job.handler({ db, now: new Date("2026-12-03T22:30:00Z") })).toEqual({ platforms: 1, establishments: 0 });
    expect(await job.handler({ db, now: new Date("2026-12-03T23:30:00Z") })).toEqual({ platforms: 1, establishments: 5 });
  });

  it("le formulaire entreprise trouve l'établissement par SIRET, SIREN ou mots du nom, dans le périmètre, et dit s'il est déjà suivi", async () => {
    const bySiret = await searchRegister(db, assistant, S.restaurant);
    expect(bySiret).toHaveLength(1);
    expect(bySiret[0]).toMatchObject({
      siret: S.restaurant, name: "AU BON COIN", nafCode: "5610A", nafLabel: "56.10A — Restauration traditionnelle", companyBand: "H10_49",
      headcountLabel: "20 à 49 salariés", addressLine: "12 RUE DES MINEURS", inseeCode: "62510", followedCompanyId: null, active: true,
    });
    expect(bySiret[0]!.communeLabel).toMatch(/^Liévin/);
    // Words of the name, accents and case ignored; a SIREN prefix.
    expect((await searchRegister(db, assistant, "bon coin")).map((e) => e.siret)).toEqual([S.restaurant]);
    expect((await searchRegister(db, assistant, "fermé")).map((e) => [e.siret, e.active])).toEqual([[S.closed, false]]);
    expect((await searchRegister(db, assistant, S.transport.slice(0, 9))).map((e) => e.siret)).toEqual([S.transport]);
    // Already followed: the form offers its record instead of a duplicate.
    const followed = await db.company.findFirstOrThrow({ where: { platformId, siret: S.followed } });
    expect((await searchRegister(db, assistant, S.followed))[0]!.followedCompanyId).toBe(followed.id);
    // Outside the perimeter: not offered. Another platform sees neither the establishments nor the « suivie » flag.
    expect(await searchRegister(db, assistant, S.outside)).toEqual([]);
    const other = await createPlatform(db);
    await db.platform.update({ where: { id: other.id }, data: { perimeterInseeCodes: ["80021"] } });
    const stranger = await platformUser(db, "PLATFORM_ASSISTANT", other.id);
    expect(await searchRegister(db, stranger, S.restaurant)).toEqual([]);
    expect((await searchRegister(db, stranger, "amiens")).map((e) => [e.siret, e.followedCompanyId])).toEqual([[S.outside, null]]);
    // Too short to search: nothing, without a query.
    expect(await searchRegister(db, assistant, "a")).toEqual([]);
  });

  it("exporte la liste affichée en XLSX, filtres appliqués, relue telle quelle", async () => {
    const started = await startTableExport(db, assistant, "prospects", { plateforme: platformId, commune: "62498", page: "2" }, "xlsx", {}, NOW);
    expect(started.mode).toBe("inline");
    if (started.mode !== "inline") throw new Error("export en arrière-plan inattendu");
    const chunks: Buffer[] = [];
    for await (const c of started.stream as Readable) chunks.push(Buffer.from(c as Uint8Array));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push(Array.from({ length: 14 }, (_, c) => row.getCell(c + 1).value ?? null)));
    expect(rows[0]).toEqual(["Rang", "Score (sur 100)", "SIRET", "Établissement", "Code NAF", "Activité", "Effectif", "Adresse", "Code postal", "Commune", "Distance médiane aux demandeurs (km)", "Pourquoi", "Suivie par la plateforme", "Dernier contact"]);
    // Lens only (the restaurant is in Liévin), the whole view (not the page of the URL), in the screen's order.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[12]])).toEqual([
      [1, 46.7, S.transport, "TRANSPORTS DU NORD", "non"],
      [2, 38.5, S.dormant, "ENDORMIE", "oui"],
      [3, 16, S.unknownSector, "SANS ACTIVITÉ", "non"],
    ]);
    expect(rows[1]!.slice(4, 7)).toEqual(["4941A", "Transports routiers de fret interurbains", "6 à 9 salariés"]);
  });
});
