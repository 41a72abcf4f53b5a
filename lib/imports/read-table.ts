import "server-only";
// Reads an uploaded CSV or XLSX file into a header line and rows of text cells. The type is decided
// by the content (magic bytes), not by the file name. Parsing runs in a worker thread
// (lib/imports/table-worker.mjs) within limits on size, rows, columns, cells, time and memory
// (issue 16 §6: one huge workbook froze the whole server for 12 s); beyond any of them the upload is
// refused with a French message and the thread is ended, while the server keeps answering others.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { PayloadTooLargeError, UnprocessableError } from "@/lib/errors";

export const MAX_IMPORT_BYTES = env.IMPORT_MAX_MB * 1024 * 1024;
export const MAX_IMPORT_ROWS = env.IMPORT_MAX_ROWS;

export interface Table {
  headers: string[];
  rows: string[][];
}

export interface ParseLimits {
  bytes: number;
  rows: number;
  columns: number;
  cells: number;
  /** Wall-clock time for the whole parse. */
  ms: number;
  /** Heap of the worker thread (V8 old generation). */
  memoryMb: number;
}

export const IMPORT_LIMITS: ParseLimits = {
  bytes: MAX_IMPORT_BYTES,
  rows: env.IMPORT_MAX_ROWS,
  columns: env.IMPORT_MAX_COLUMNS,
  cells: env.IMPORT_MAX_CELLS,
  ms: env.IMPORT_PARSE_SECONDS * 1000,
  memoryMb: env.IMPORT_PARSE_MEMORY_MB,
};

/** Loaded by path at run time (the app is started from the checkout's root, like every script). */
const WORKER = path.join(process.cwd(), "lib/imports/table-worker.mjs");

const fr = (n: number) => n.toLocaleString("fr-FR");

function refusal(code: string, limits: ParseLimits): UnprocessableError {
  switch (code) {
    case "rows":
      return new UnprocessableError(`Le fichier contient plus de ${fr(limits.rows)} lignes : ${fr(limits.rows)} au plus par import. Découpez-le en plusieurs fichiers.`, { file: ["Trop de lignes."] });
    case "columns":
      return new UnprocessableError(`Une ligne du fichier a plus de ${fr(limits.columns)} colonnes : ${fr(limits.columns)} au plus.`, { file: ["Trop de colonnes."] });
    case "cells":
      return new UnprocessableError(`Le fichier contient plus de ${fr(limits.cells)} cellules : ${fr(limits.cells)} au plus par import. Gardez seulement la première feuille et les colonnes utiles.`, { file: ["Trop de cellules."] });
    case "time":
      return new UnprocessableError(`La lecture du fichier a dépassé ${fr(Math.round(limits.ms / 1000))} secondes : fichier trop lourd. Enregistrez-le en CSV ou découpez-le.`, { file: ["Lecture trop longue."] });
    case "memory":
      return new UnprocessableError("La lecture du fichier demande trop de mémoire : fichier trop lourd. Enregistrez-le en CSV ou découpez-le.", { file: ["Fichier trop lourd."] });
    case "noSheet":
      return new UnprocessableError("Le classeur ne contient aucune feuille.", { file: ["Classeur vide."] });
    case "notText":
      return new UnprocessableError("Le fichier doit être un CSV (texte) ou un classeur Excel (.xlsx).", { file: ["Type de fichier non reconnu."] });
    default:
      return new UnprocessableError("Ce classeur Excel est illisible ou endommagé.", { file: ["Classeur .xlsx illisible."] });
  }
}

type WorkerAnswer = { ok: true; rows: string[][] } | { ok: false; code: string };

/** Runs the worker on a copy of the bytes; the time limit and any exit without an answer end it. */
function parseInWorker(buffer: Buffer, limits: ParseLimits): Promise<string[][]> {
  if (!existsSync(WORKER)) throw new Error(`Lecteur d'import introuvable : ${WORKER}`);
  const bytes = new Uint8Array(buffer);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { bytes, limits: { rows: limits.rows, columns: limits.columns, cells: limits.cells } },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(limits.memoryMb / 8)) },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(refusal("time", limits))), limits.ms);
    worker.once("message", (m: WorkerAnswer) => finish(() => (m.ok ? resolve(m.rows) : reject(refusal(m.code, limits)))));
    worker.once("error", (err: Error & { code?: string }) =>
      finish(() => reject(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? refusal("memory", limits) : refusal("unreadable", limits))));
    worker.once("exit", () => finish(() => reject(refusal("unreadable", limits))));
  });
}

export async function readTable(buffer: Buffer, limits: ParseLimits = IMPORT_LIMITS): Promise<Table> {
  if (buffer.length === 0) throw new UnprocessableError("Le fichier est vide.", { file: ["Fichier vide."] });
  if (buffer.length > limits.bytes) throw new PayloadTooLargeError(`Le fichier dépasse ${fr(Math.floor(limits.bytes / 1024 / 1024))} Mo.`, { file: ["Fichier trop volumineux."] });
  const all = await parseInWorker(buffer, limits);
  const [headers, ...rows] = all;
  if (!headers || headers.every((h) => !h.trim())) throw new UnprocessableError("La première ligne doit contenir les en-têtes de colonnes.", { file: ["En-têtes manquants."] });
  return { headers: headers.map((h) => h.trim()), rows };
}
