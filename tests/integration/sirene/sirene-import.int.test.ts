// The SIRENE loader on files in INSEE's official format (scripts/lib/sirene-generator.ts): perimeter filter,
// restricted diffusion, closures, the next month's file updating in place, bad header, truncated file, bad
// SIRET lines, resume after a kill, legal units' names.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { env, processEnv } from "@/lib/env";
import { importSirene, SireneFileError } from "@/lib/sirene/sirene-import.service";
import { generatedLines, siretOf, writeStockEtablissement, writeStockUniteLegale, type SireneGeneratorOptions } from "@/scripts/lib/sirene-generator";
import { createPlatform } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const url = env.DATABASE_URL!;
const dir = mkdtempSync(path.join(os.tmpdir(), "sirene-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTS: SireneGeneratorOptions = {
  lines: 3000,
  inside: [
    { inseeCode: "62498", name: "Lens", postalCode: "62300" },
    { inseeCode: "62510", name: "Liévin", postalCode: "62800" },
  ],
  outside: [{ inseeCode: "80021", name: "Amiens", postalCode: "80000" }],
};

async function file(name: string, o: SireneGeneratorOptions = OPTS): Promise<string> {
  const f = path.join(dir, name);
  await writeStockEtablissement(f, o);
  return f;
}

/** What the register must hold after a file: inside the perimeter, diffused (the generator makes valid SIRETs). */
function expected(o: SireneGeneratorOptions) {
  return [...generatedLines(o)].filter((l) => l.inside && !l.restricted);
}

async function register() {
  return db.sireneEstablishment.findMany({ orderBy: { siret: "asc" }, select: { siret: true, name: true, active: true, inseeCode: true, nafCode: true } });
}

beforeEach(async () => {
  await resetDb();
  const p = await createPlatform(db);
  await db.platform.update({ where: { id: p.id }, data: { perimeterInseeCodes: ["62498", "62510"] } });
});

describe("import du répertoire SIRENE (StockEtablissement)", () => {
  it("ne garde que les établissements diffusibles des communes des périmètres, fermés compris", async () => {
    const r = await importSirene(url, { file: await file("m1.csv") });
    const want = expected(OPTS);
    const all = [...generatedLines(OPTS)];
    expect(r).toMatchObject({
      lines: 3000,
      kept: want.length,
      outsidePerimeter: all.filter((l) => !l.inside).length,
      restricted: all.filter((l) => l.inside && l.restricted).length,
      rejected: 0,
      added: want.length,
      removed: 0,
    });
    const rows = await register();
    expect(rows.map((x) => x.siret)).toEqual(want.map((l) => l.siret).sort());
    // Never a restricted one, never one outside the perimeter.
    const restricted = all.find((l) => l.inside && l.restricted)!;
    expect(await db.sireneEstablishment.findUnique({ where: { siret: restricted.siret } })).toBeNull();
    expect(rows.every((x) => ["62498", "62510"].includes(x.inseeCode))).toBe(true);
    // Closed establishments are kept, flagged inactive; NAF stored without the dot.
    const closed = want.find((l) => !l.active)!;
    expect(rows.find((x) => x.siret === closed.siret)).toMatchObject({ active: false });
    expect(rows.every((x) => x.nafCode === null || /^\d{4}[A-Z]$/.test(x.nafCode))).toBe(true);
    const run = await db.sireneImport.findUniqueOrThrow({ where: { id: r.importId } });
    expect(run.status).toBe("DONE");
    expect(await db.sireneStaging.count()).toBe(0);
  });

  it("le fichier du mois suivant met à jour en place : ajoute, ferme, renomme, retire", async () => {
    await importSirene(url, { file: await file("m1.csv") });
    const m2 = { ...OPTS, month: 2 as const };
    const before = new Map((await register()).map((x) => [x.siret, x]));
    const r = await importSirene(url, { file: await file("m2.csv", m2) });
    const want = expected(m2);
    const rows = await register();
    expect(rows.map((x) => x.siret)).toEqual(want.map((l) => l.siret).sort());
    const wantSet = new Set(want.map((l) => l.siret));
    expect(r.removed).toBe([...before.keys()].filter((s) => !wantSet.has(s)).length);
    expect(r.removed).toBeGreaterThan(0);
    expect(r.added).toBe(want.filter((l) => !before.has(l.siret)).length);
    expect(r.added).toBeGreaterThan(0);
    const newlyClosed = want.filter((l) => !l.active && before.get(l.siret)?.active === true);
    expect(newlyClosed.length).toBeGreaterThan(0);
    expect(r.closed).toBe(newlyClosed.length);
    for (const l of newlyClosed) expect(rows.find((x) => x.siret === l.siret)!.active).toBe(false);
    const renamed = want.find((l) => l.name.includes("NOUVEAU") && before.has(l.siret) && rows.find((x) => x.siret === l.siret)!.name === l.name);
    expect(renamed).toBeDefined();
    // Same file again: nothing changes.
    const again = await importSirene(url, { file: await file("m2-bis.csv", m2) });
    expect(again).toMatchObject({ added: 0, updated: 0, closed: 0, removed: 0 });
  });

  it("refuse un en-tête qui n'est pas celui de l'INSEE, en nommant les colonnes manquantes, sans rien charger", async () => {
    const f = path.join(dir, "bad-header.csv");
    writeFileSync(f, "siret,nom,commune\n12345678901234,Foo,62498\n");
    const err = await importSirene(url, { file: f }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SireneFileError);
    expect((err as Error).message).toMatch(/En-tête du fichier des établissements \(StockEtablissement\) non reconnu : colonnes manquantes siren, nic, statutDiffusionEtablissement/);
    expect(await db.sireneEstablishment.count()).toBe(0);
    expect(await db.sireneImport.findFirst()).toMatchObject({ status: "FAILED" });
  });

  it("un fichier tronqué est refusé avec sa ligne et le répertoire reste celui d'avant", async () => {
    await importSirene(url, { file: await file("m1.csv") });
    const before = await register();
    const full = readFileSync(await file("m2.csv", { ...OPTS, month: 2 }), "utf8");
    const cut = full.slice(0, Math.floor(full.length * 0.6));
    const f = path.join(dir, "truncated.csv");
    writeFileSync(f, cut);
    const lastLine = cut.split("\n").length;
    const err = await importSirene(url, { file: f, batchSize: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SireneFileError);
    expect((err as Error).message).toContain(`Fichier tronqué ou mal formé à la ligne ${lastLine}`);
    expect((err as Error).message).toContain("Rien n'a été chargé");
    expect(await register()).toEqual(before);
    expect(await db.sireneStaging.count()).toBe(0);
  });

  it("une ligne au SIRET invalide est refusée avec son numéro de ligne ; les autres sont chargées", async () => {
    const f = await file("m1.csv");
    const lines = readFileSync(f, "utf8").split("\n");
    // Line 3 of the file (2nd data line): wrong check digit, and inside the perimeter so that it is checked.
    const fields = lines[2]!.split(",");
    const good = fields[2]!;
    const bad = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
    fields[1] = bad.slice(9);
    fields[2] = bad;
    fields[22] = "62498";
    lines[2] = fields.join(",");
    const g = path.join(dir, "bad-siret.csv");
    writeFileSync(g, lines.join("\n"));
    const r = await importSirene(url, { file: g });
    expect(r.rejected).toBe(1);
    expect(r.errors).toEqual([{ line: 3, siret: bad, message: "SIRET invalide (clé de contrôle)" }]);
    expect(await db.sireneEstablishment.findUnique({ where: { siret: bad } })).toBeNull();
    expect(await db.sireneEstablishment.count()).toBe(r.kept);
  });

  it("reprend après un arrêt brutal (kill -9) là où il s'était arrêté, avec le même résultat", async () => {
    const big = { ...OPTS, lines: 40_000 };
    const f = await file("big.csv", big);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/sirene-import.ts", f, "--lot", "500"], { env: { ...processEnv(), DATABASE_URL: url }, stdio: "ignore" });
    // Killed as soon as some batches are staged, long before the end.
    for (let i = 0; i < 600; i++) {
      const run = await db.sireneImport.findFirst({ where: { status: "RUNNING" } });
      if (run && run.linesDone >= 2000) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    child.kill("SIGKILL");
    await new Promise((res) => child.once("exit", res));
    const killed = await db.sireneImport.findFirstOrThrow({ where: { status: "RUNNING" } });
    expect(killed.linesDone).toBeGreaterThan(0);
    expect(killed.linesDone).toBeLessThan(40_000);
    expect(await db.sireneEstablishment.count()).toBe(0);

    const r = await importSirene(url, { file: f, liveHeartbeatMs: 0 });
    expect(r.importId).toBe(killed.id);
    expect(r.resumedFromLine).toBe(killed.linesDone);
    const want = expected(big);
    expect(r.kept).toBe(want.length);
    expect((await register()).map((x) => x.siret)).toEqual(want.map((l) => l.siret).sort());
  });

  it("repart de la première ligne si la table de préparation a été vidée (arrêt du serveur : elle n'est pas journalisée)", async () => {
    const f = await file("crash.csv");
    const stop = new Error("arrêt simulé");
    await importSirene(url, { file: f, batchSize: 200, afterBatch: (done) => { if (done >= 1000) throw stop; } }).catch(() => undefined);
    const halfway = await db.sireneImport.findFirstOrThrow({ where: { status: "RUNNING" } });
    expect(halfway.linesDone).toBeGreaterThanOrEqual(1000);
    // What PostgreSQL does to an UNLOGGED table when it recovers from a crash.
    await db.$executeRawUnsafe(`TRUNCATE "SireneStaging"`);

    const r = await importSirene(url, { file: f, liveHeartbeatMs: 0 });
    expect(r.importId).toBe(halfway.id);
    expect(r.resumedFromLine).toBe(0);
    const want = expected(OPTS);
    expect(r.kept).toBe(want.length);
    expect((await register()).map((x) => x.siret)).toEqual(want.map((l) => l.siret).sort());
  });

  it("refuse un second import pendant qu'un autre est en cours", async () => {
    const f = await file("m1.csv");
    await db.sireneImport.create({ data: { fileName: "autre.csv", fileSize: 1n, fileFingerprint: "x" } });
    const err = await importSirene(url, { file: f }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SireneFileError);
    expect((err as Error).message).toMatch(/Un import SIRENE est déjà en cours \(autre\.csv/);
  });

  it("prend les noms des unités légales ; un entrepreneur individuel non diffusé reste sans nom", async () => {
    const f = await file("m1.csv");
    const u = path.join(dir, "ul.csv");
    await writeStockUniteLegale(u, OPTS);
    await importSirene(url, { file: f, legalUnitsFile: u });
    const want = expected(OPTS);
    const company = want.find((l) => l.index % 10 !== 0)!;
    expect(await db.sireneEstablishment.findUniqueOrThrow({ where: { siret: company.siret } })).toMatchObject({ legalName: `SOCIETE ${company.index} SAS`, individualEntrepreneur: false });
    const diffusedEi = want.find((l) => l.index % 10 === 0 && l.index % 20 !== 0)!;
    expect(await db.sireneEstablishment.findUniqueOrThrow({ where: { siret: diffusedEi.siret } })).toMatchObject({ legalName: `CLAIRE DUPONT${diffusedEi.index}`, individualEntrepreneur: true });
    const hiddenEi = want.find((l) => l.index % 20 === 0)!;
    const hidden = await db.sireneEstablishment.findUniqueOrThrow({ where: { siret: hiddenEi.siret } });
    expect(hidden.legalName).toBeNull();
    expect(hidden.individualEntrepreneur).toBe(true);
    expect(hidden.name).not.toContain("DUPONT");
    expect(siretOf(hiddenEi.index)).toBe(hiddenEi.siret);
  });
});
