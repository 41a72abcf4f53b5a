// Loads INSEE's SIRENE establishments file into the local register (SireneEstablishment), keeping only
// the communes of the platforms' perimeters. Streamed (csv-parse, with back-pressure), never
// loaded whole; resumable (a killed run picks up after its last staged batch); idempotent (a new month's
// file adds, updates, closes and removes establishments); all or nothing (rows are staged, then swapped in
// one transaction). Plain `pg` rather than Prisma: bulk arrays through the query compiler cost hundreds of MB,
// and the loader must stay under 300 MB. No "server-only": the command-line loader and the benchmark use it too.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse";
import pg from "pg";
import {
  ESTABLISHMENT_COLUMNS,
  LEGAL_UNIT_COLUMNS,
  indexHeader,
  readEstablishmentLine,
  readLegalUnitLine,
  type EstablishmentRow,
} from "@/lib/sirene/sirene-file.rules";

/** A file the loader refuses as a whole (wrong header, truncated, another import running…). */
export class SireneFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SireneFileError";
  }
}

export interface SireneProgress {
  phase: "établissements" | "unités légales" | "bascule";
  lines: number;
  kept: number;
  bytesRead: number;
  totalBytes: number;
}

export interface SireneImportOptions {
  file: string;
  /** « StockUniteLegale » file: the legal units' names (optional). */
  legalUnitsFile?: string;
  /** A partial extract: adds and updates, never removes what the file does not mention. */
  partial?: boolean;
  /** Staged rows per transaction (a killed run resumes after the last one). */
  batchSize?: number;
  onProgress?: (p: SireneProgress) => void;
  /** A RUNNING import whose heartbeat is younger than this is another live process (default 60 s). */
  liveHeartbeatMs?: number;
  /** Test hook: called after each staged batch (used to kill a run midway). */
  afterBatch?: (linesDone: number) => Promise<void> | void;
}

export interface SireneLineError {
  line: number;
  siret: string;
  message: string;
}

export interface SireneImportReport {
  importId: string;
  resumedFromLine: number;
  lines: number;
  kept: number;
  outsidePerimeter: number;
  restricted: number;
  rejected: number;
  added: number;
  updated: number;
  closed: number;
  removed: number;
  errors: SireneLineError[];
  /** Time spent reading and staging the file(s), and swapping the staged rows in. */
  readMs: number;
  swapMs: number;
  /** Milliseconds per step of the swap (names, counts, merge, removals, clean-up): where the time goes. */
  swapSteps: Record<string, number>;
}

const MAX_ERRORS = 1000;
/** A RUNNING import whose heartbeat is younger than this belongs to a live process. */
const LIVE_HEARTBEAT_MS = 60_000;

async function fingerprint(file: string): Promise<{ size: bigint; hash: string }> {
  const st = await stat(file);
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(Math.min(1 << 20, st.size));
    await fh.read(buf, 0, buf.length, 0);
    return { size: BigInt(st.size), hash: createHash("sha256").update(buf).digest("hex") };
  } finally {
    await fh.close();
  }
}

/**
 * Records of a CSV file, one array of fields each. csv-parse is a real stream with back-pressure (the file
 * is read only as fast as the database takes the rows: memory stays flat); a line with another number of
 * fields is yielded as it is, so the caller can name it (truncated file).
 */
async function* csvRecords(file: string, onBytes: (n: number) => void): AsyncGenerator<string[]> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  input.on("data", (chunk) => onBytes(chunk.length));
  const parser = input.pipe(parse({ delimiter: ",", bom: true, relax_column_count: true, skip_empty_lines: true }));
  input.on("error", (err) => parser.destroy(err));
  for await (const record of parser as AsyncIterable<string[]>) yield record;
}

type Sql = pg.Pool | pg.PoolClient;

async function perimeterCommunes(db: Sql): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>(`SELECT DISTINCT unnest("perimeterInseeCodes") AS code FROM "Platform" WHERE active`);
  const set = new Set(rows.map((r) => r.code));
  if (set.size === 0) throw new SireneFileError("Aucune plateforme active n'a de périmètre : rien à charger du répertoire SIRENE.");
  return set;
}

const STAGED: (keyof EstablishmentRow)[] = ["siret", "siren", "name", "nafCode", "headcountCode", "employer", "headOffice", "createdOn", "active", "addressLine", "postalCode", "city", "inseeCode"];
const STAGED_TYPES = ["text", "text", "text", "text", "text", "boolean", "boolean", "date", "boolean", "text", "text", "text", "text"];

async function stageBatch(db: Sql, importId: string, rows: EstablishmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = STAGED.map((k) => `"${k}"`).join(", ");
  const arrays = STAGED_TYPES.map((t, i) => `$${i + 2}::${t}[]`).join(", ");
  await db.query(
    `INSERT INTO "SireneStaging" ("importId", ${columns}) SELECT $1::uuid, * FROM unnest(${arrays}) ON CONFLICT ("importId", siret) DO NOTHING`,
    [importId, ...STAGED.map((k) => rows.map((r) => r[k]))],
  );
}

interface ImportRow {
  id: string;
  fileName: string;
  fileSize: string;
  fileFingerprint: string;
  partial: boolean;
  linesDone: number;
  kept: number;
  outsidePerimeter: number;
  restricted: number;
  rejected: number;
  errors: SireneLineError[];
  startedAt: Date;
  heartbeatAt: Date;
}

/** Starts a new import, or takes over a killed one on the same file (same size and first MiB). */
async function claimImport(db: Sql, file: string, partial: boolean, liveHeartbeatMs: number): Promise<ImportRow> {
  const fp = await fingerprint(file);
  const {
    rows: [running],
  } = await db.query<ImportRow>(`SELECT * FROM "SireneImport" WHERE status = 'RUNNING' ORDER BY "startedAt" DESC LIMIT 1`);
  if (running && Date.now() - running.heartbeatAt.getTime() < liveHeartbeatMs) {
    throw new SireneFileError(`Un import SIRENE est déjà en cours (${running.fileName}, commencé le ${running.startedAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}).`);
  }
  if (running && BigInt(running.fileSize) === fp.size && running.fileFingerprint === fp.hash && running.partial === partial) {
    // The staging table is UNLOGGED: a server crash empties it while the checkpoint survives. Then the
    // staged lines are gone and the run starts again from the first line rather than skip them.
    const {
      rows: [staged],
    } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "SireneStaging" WHERE "importId" = $1) AS any`, [running.id]);
    if (running.kept > 0 && !staged!.any) {
      const { rows } = await db.query<ImportRow>(
        `UPDATE "SireneImport" SET "linesDone" = 0, kept = 0, "outsidePerimeter" = 0, restricted = 0, rejected = 0, errors = '[]'::jsonb, "heartbeatAt" = now()
         WHERE id = $1 RETURNING *`,
        [running.id],
      );
      return rows[0]!;
    }
    await db.query(`UPDATE "SireneImport" SET "heartbeatAt" = now() WHERE id = $1`, [running.id]);
    return running;
  }
  // An abandoned run on another file: closed, its staged rows dropped.
  await db.query(`DELETE FROM "SireneStaging" WHERE "importId" IN (SELECT id FROM "SireneImport" WHERE status = 'RUNNING')`);
  await db.query(`UPDATE "SireneImport" SET status = 'FAILED', message = 'Abandonné : un autre fichier a été chargé ensuite.', "finishedAt" = now() WHERE status = 'RUNNING'`);
  const { rows } = await db.query<ImportRow>(
    `INSERT INTO "SireneImport" (id, "fileName", "fileSize", "fileFingerprint", partial) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING *`,
    [path.basename(file), fp.size.toString(), fp.hash, partial],
  );
  return rows[0]!;
}

async function fail(db: Sql, importId: string, message: string): Promise<never> {
  await db.query(`DELETE FROM "SireneStaging" WHERE "importId" = $1`, [importId]);
  await db.query(`UPDATE "SireneImport" SET status = 'FAILED', message = $2, "finishedAt" = now() WHERE id = $1`, [importId, message]);
  throw new SireneFileError(message);
}

async function loadLegalUnits(db: Sql, importId: string, file: string, onProgress?: SireneImportOptions["onProgress"]): Promise<void> {
  const sirens = new Set((await db.query<{ siren: string }>(`SELECT DISTINCT siren FROM "SireneStaging" WHERE "importId" = $1`, [importId])).rows.map((r) => r.siren));
  const totalBytes = (await stat(file)).size;
  let bytesRead = 0;
  let lines = 0;
  let header: ReturnType<typeof indexHeader<(typeof LEGAL_UNIT_COLUMNS)[number]>> | null = null;
  let batch: { siren: string; legalName: string | null; individualEntrepreneur: boolean }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(
      `UPDATE "SireneStaging" s SET "legalName" = u.name, "individualEntrepreneur" = u.ei
       FROM unnest($2::text[], $3::text[], $4::boolean[]) AS u(siren, name, ei)
       WHERE s."importId" = $1 AND s.siren = u.siren`,
      [importId, batch.map((b) => b.siren), batch.map((b) => b.legalName), batch.map((b) => b.individualEntrepreneur)],
    );
    batch = [];
  };
  for await (const fields of csvRecords(file, (n) => (bytesRead += n))) {
    if (!header) {
      header = indexHeader(fields, LEGAL_UNIT_COLUMNS, "des unités légales (StockUniteLegale)");
      if (!header.ok) return fail(db, importId, header.message);
      continue;
    }
    lines++;
    if (!header.ok) continue;
    if (fields.length !== header.width) return fail(db, importId, `Fichier des unités légales tronqué ou mal formé à la ligne ${lines + 1} : ${fields.length} colonne(s) au lieu de ${header.width}. Rien n'a été chargé.`);
    const siren = (fields[header.index.siren] ?? "").trim();
    if (!sirens.has(siren)) continue;
    batch.push(readLegalUnitLine(fields, header.index));
    if (batch.length >= 5000) await flush();
    if (onProgress && lines % 50_000 === 0) onProgress({ phase: "unités légales", lines, kept: 0, bytesRead, totalBytes });
  }
  await flush();
}

/** Runs `fn` in one transaction on one connection of the pool. */
async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const out = await fn(c);
    await c.query("COMMIT");
    return out;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** Swaps the staged rows in, in one transaction, and counts what changed. */
async function swap(pool: pg.Pool, importId: string, partial: boolean) {
  const steps: Record<string, number> = {};
  let t = Date.now();
  const step = (name: string) => {
    steps[name] = Date.now() - t;
    t = Date.now();
  };
  // The shown name: sign, else usual name (staged), else the legal unit's name (this file or the last one).
  const shownName = (cur: string) => `CASE WHEN s.name = '' THEN COALESCE(s."legalName", ${cur}."legalName", 'Établissement sans nom diffusé') ELSE s.name END`;
  return inTransaction(pool, async (tx) => {
    const {
      rows: [counts],
    } = await tx.query<{ added: string; updated: string; closed: string }>(
      `SELECT count(*) FILTER (WHERE e.siret IS NULL) AS added,
              count(*) FILTER (WHERE e.siret IS NOT NULL AND (e.name, e."nafCode", e."headcountCode", e.active, e."addressLine", e."inseeCode", e."legalName")
                IS DISTINCT FROM (${shownName("e")}, s."nafCode", s."headcountCode", s.active, s."addressLine", s."inseeCode", COALESCE(s."legalName", e."legalName"))) AS updated,
              count(*) FILTER (WHERE e.active AND NOT s.active) AS closed
       FROM "SireneStaging" s LEFT JOIN "SireneEstablishment" e ON e.siret = s.siret
       WHERE s."importId" = $1`,
      [importId],
    );
    step("comptes");
    // Unchanged establishments are not rewritten (most of a monthly file): no dead rows, no index churn.
    // "importId" and "updatedAt" therefore name the import that last changed the row.
    await tx.query(
      `INSERT INTO "SireneEstablishment" AS e (siret, siren, name, "legalName", "individualEntrepreneur", "nafCode", "headcountCode",
         employer, "headOffice", "createdOn", active, "addressLine", "postalCode", city, "inseeCode", "importId", "updatedAt")
       SELECT s.siret, s.siren, ${shownName("cur")}, s."legalName", s."individualEntrepreneur", s."nafCode", s."headcountCode", s.employer,
         s."headOffice", s."createdOn", s.active, s."addressLine", s."postalCode", s.city, s."inseeCode", s."importId", now()
       FROM "SireneStaging" s LEFT JOIN "SireneEstablishment" cur ON cur.siret = s.siret
       WHERE s."importId" = $1
       ON CONFLICT (siret) DO UPDATE SET siren = EXCLUDED.siren, name = EXCLUDED.name,
         "legalName" = COALESCE(EXCLUDED."legalName", e."legalName"),
         "individualEntrepreneur" = EXCLUDED."individualEntrepreneur" OR (EXCLUDED."legalName" IS NULL AND e."individualEntrepreneur"),
         "nafCode" = EXCLUDED."nafCode", "headcountCode" = EXCLUDED."headcountCode", employer = EXCLUDED.employer,
         "headOffice" = EXCLUDED."headOffice", "createdOn" = EXCLUDED."createdOn", active = EXCLUDED.active,
         "addressLine" = EXCLUDED."addressLine", "postalCode" = EXCLUDED."postalCode", city = EXCLUDED.city,
         "inseeCode" = EXCLUDED."inseeCode", "importId" = EXCLUDED."importId", "updatedAt" = now()
       WHERE (e.siren, e.name, e."legalName", e."individualEntrepreneur", e."nafCode", e."headcountCode", e.employer, e."headOffice",
              e."createdOn", e.active, e."addressLine", e."postalCode", e.city, e."inseeCode")
         IS DISTINCT FROM (EXCLUDED.siren, EXCLUDED.name, COALESCE(EXCLUDED."legalName", e."legalName"),
              EXCLUDED."individualEntrepreneur" OR (EXCLUDED."legalName" IS NULL AND e."individualEntrepreneur"), EXCLUDED."nafCode",
              EXCLUDED."headcountCode", EXCLUDED.employer, EXCLUDED."headOffice", EXCLUDED."createdOn", EXCLUDED.active,
              EXCLUDED."addressLine", EXCLUDED."postalCode", EXCLUDED.city, EXCLUDED."inseeCode")`,
      [importId],
    );
    step("fusion");
    // A full file is the whole register for the perimeters: what it no longer holds (closed long ago,
    // no longer diffused, moved out of every perimeter) leaves the local copy.
    const removed = partial
      ? 0
      : ((
          await tx.query(
            `DELETE FROM "SireneEstablishment" e
             WHERE NOT EXISTS (SELECT 1 FROM "SireneStaging" s WHERE s."importId" = $1 AND s.siret = e.siret)`,
            [importId],
          )
        ).rowCount ?? 0);
    step("retraits");
    await tx.query(`DELETE FROM "SireneStaging" WHERE "importId" = $1`, [importId]);
    step("nettoyage");
    const changes = { added: Number(counts!.added), updated: Number(counts!.updated), closed: Number(counts!.closed), removed };
    await tx.query(
      `UPDATE "SireneImport" SET status = 'DONE', added = $2, updated = $3, closed = $4, removed = $5, "finishedAt" = now(), "heartbeatAt" = now() WHERE id = $1`,
      [importId, changes.added, changes.updated, changes.closed, changes.removed],
    );
    return { ...changes, swapSteps: steps };
  });
}

/**
 * Loads a « StockEtablissement » file into the register of the database at `databaseUrl`. Its own small pool
 * (two connections), closed at the end.
 */
export async function importSirene(databaseUrl: string, opts: SireneImportOptions): Promise<SireneImportReport> {
  // Each batch commits with its checkpoint, so an unflushed commit lost in a server crash loses both
  // together and the run resumes from the previous checkpoint: no need to wait for the disk at each batch.
  // Set at connection start-up: a `SET` sent from the pool's "connect" event was still running when the
  // pool handed the connection over, so the first statement of its user went on the same connection at
  // once (two queries at a time on one client, refused by pg 9).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: "-c synchronous_commit=off" });
  try {
    return await runImport(pool, opts);
  } finally {
    await pool.end();
  }
}

async function runImport(pool: pg.Pool, opts: SireneImportOptions): Promise<SireneImportReport> {
  const t0 = Date.now();
  const batchSize = opts.batchSize ?? 5000;
  const perimeter = await perimeterCommunes(pool);
  const run = await claimImport(pool, opts.file, opts.partial ?? false, opts.liveHeartbeatMs ?? LIVE_HEARTBEAT_MS);
  const resumedFromLine = run.linesDone;
  const c = { kept: run.kept, outsidePerimeter: run.outsidePerimeter, restricted: run.restricted, rejected: run.rejected };
  const errors: SireneLineError[] = Array.isArray(run.errors) ? run.errors : [];
  const totalBytes = Number(run.fileSize);
  let bytesRead = 0;
  let lines = 0;
  let header: ReturnType<typeof indexHeader<(typeof ESTABLISHMENT_COLUMNS)[number]>> | null = null;
  let batch: EstablishmentRow[] = [];
  let lastProgress = 0;

  // Staged rows and the checkpoint in one transaction: a kill between two batches loses nothing. One batch
  // is written while the next is parsed (the parser and PostgreSQL each get a core).
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    const checkpoint = [run.id, lines, c.kept, c.outsidePerimeter, c.restricted, c.rejected, JSON.stringify(errors)];
    batch = [];
    await inflight;
    inflight = inTransaction(pool, async (tx) => {
      await stageBatch(tx, run.id, rows);
      await tx.query(
        `UPDATE "SireneImport" SET "linesDone" = $2, kept = $3, "outsidePerimeter" = $4, restricted = $5, rejected = $6, errors = $7::jsonb, "heartbeatAt" = now() WHERE id = $1`,
        checkpoint,
      );
    }).then(() => opts.afterBatch?.(checkpoint[1] as number));
    // A failed write surfaces at the next flush or at the end, never unhandled.
    inflight.catch(() => undefined);
  };

  try {
    for await (const fields of csvRecords(opts.file, (n) => (bytesRead += n))) {
      if (!header) {
        header = indexHeader(fields, ESTABLISHMENT_COLUMNS, "des établissements (StockEtablissement)");
        if (!header.ok) return await fail(pool, run.id, header.message);
        continue;
      }
      if (!header.ok) continue;
      lines++;
      if (lines <= resumedFromLine) continue;
      const fileLine = lines + 1;
      const v = readEstablishmentLine(fields, header.index, header.width, perimeter);
      if (v.kind === "keep") {
        batch.push(v.row);
        c.kept++;
      } else if (v.kind === "outside") c.outsidePerimeter++;
      else if (v.kind === "restricted") c.restricted++;
      else if (fields.length !== header.width) {
        await inflight.catch(() => undefined);
        return await fail(pool, run.id, `Fichier tronqué ou mal formé à la ligne ${fileLine} : ${v.message}. Rien n'a été chargé ; relancez l'import avec le fichier complet.`);
      } else {
        c.rejected++;
        if (errors.length < MAX_ERRORS) errors.push({ line: fileLine, siret: v.siret, message: v.message });
      }
      if (batch.length >= batchSize) await flush();
      if (opts.onProgress && Date.now() - lastProgress > 1000) {
        lastProgress = Date.now();
        opts.onProgress({ phase: "établissements", lines, kept: c.kept, bytesRead, totalBytes });
      }
    }
    if (!header) return await fail(pool, run.id, "Fichier vide : aucun en-tête ni aucune ligne.");
    await flush();
    await inflight;
    if (opts.legalUnitsFile) await loadLegalUnits(pool, run.id, opts.legalUnitsFile, opts.onProgress);
    opts.onProgress?.({ phase: "bascule", lines, kept: c.kept, bytesRead, totalBytes });
    const readMs = Date.now() - t0;
    const changes = await swap(pool, run.id, opts.partial ?? false);
    return { importId: run.id, resumedFromLine, lines, ...c, ...changes, errors, readMs, swapMs: Date.now() - t0 - readMs };
  } catch (err) {
    if (err instanceof SireneFileError) throw err;
    // The parser and the file system report in English: say what happened in French, keep the cause.
    const message = `Lecture du fichier interrompue : ${err instanceof Error ? err.message : String(err)}. L'import reprendra après la dernière ligne enregistrée si vous le relancez.`;
    await pool.query(`UPDATE "SireneImport" SET message = $2 WHERE id = $1`, [run.id, message]).catch(() => undefined);
    throw new SireneFileError(message);
  }
}
