import "server-only";
// France Travail convention art. 5: the monthly file and both bilans list « XXX ; (indicateurs
// mentionnés par le porteur de projet dans sa présentation du projet) » before the fixed ones. Each
// convention adds its own: label, unit, definition, target, and the results given in the intermediate
// and final bilans. Stored per file; written by whoever may write the file (subsidy.write), audited.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { FtIndicatorDto, FtIndicatorInput, UpdateFtIndicatorInput } from "@/lib/france-travail/ft-bilan.schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findScopedFile } from "@/lib/subsidy/subsidy-file.repo";
import { STATUS_LABELS, type SubsidyStatusName } from "@/lib/subsidy/subsidy-workflow.rules";

/** From the request (the porteur's presentation) until the convention is settled. */
const EDITABLE: readonly SubsidyStatusName[] = ["DRAFT", "RETURNED", "SUBMITTED", "UNDER_REVIEW", "AWARDED", "SIGNED"];

type Row = Prisma.FtIndicatorGetPayload<object>;
const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));
const toDto = (r: Row): FtIndicatorDto => ({
  id: r.id, label: r.label, unit: r.unit, definition: r.definition, target: num(r.target),
  intermediateValue: num(r.intermediateValue), finalValue: num(r.finalValue), position: r.position, version: r.version,
});

/** The indicators of a file, in their order (no scope check: callers have found the file). */
export async function listFtIndicatorRows(db: DbOrTx, subsidyFileId: string): Promise<FtIndicatorDto[]> {
  const rows = await db.ftIndicator.findMany({ where: { subsidyFileId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(toDto);
}

async function ftFile(db: DbOrTx, user: CurrentUser, id: string) {
  const file = await findScopedFile(db, user, id);
  if (file.funder !== "FRANCE_TRAVAIL") throw new NotFoundError("Dossier France Travail introuvable.");
  return file;
}

async function writableFtFile(db: DbOrTx, user: CurrentUser, id: string) {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await ftFile(db, user, id);
  if (!EDITABLE.includes(file.status)) throw new UnprocessableError(`Les indicateurs ne se modifient plus sur un dossier au statut « ${STATUS_LABELS[file.status]} ».`);
  return file;
}

export async function listFtIndicators(db: Db, user: CurrentUser, id: string): Promise<FtIndicatorDto[]> {
  const file = await ftFile(db, user, id);
  return listFtIndicatorRows(db, file.id);
}

const decimalData = (input: Partial<FtIndicatorInput>) => ({
  ...(input.label !== undefined ? { label: input.label } : {}),
  ...(input.unit !== undefined ? { unit: input.unit } : {}),
  ...(input.definition !== undefined ? { definition: input.definition } : {}),
  ...(input.target !== undefined ? { target: input.target } : {}),
  ...(input.intermediateValue !== undefined ? { intermediateValue: input.intermediateValue } : {}),
  ...(input.finalValue !== undefined ? { finalValue: input.finalValue } : {}),
});

export async function addFtIndicator(db: Db, user: CurrentUser, id: string, input: FtIndicatorInput): Promise<FtIndicatorDto> {
  const file = await writableFtFile(db, user, id);
  return db.$transaction(async (tx) => {
    const last = await tx.ftIndicator.aggregate({ where: { subsidyFileId: id }, _max: { position: true } });
    const row = await tx.ftIndicator.create({ data: { subsidyFileId: id, position: (last._max.position ?? -1) + 1, ...decimalData(input), label: input.label } });
    await recordAudit(tx, { action: "ftIndicator.created", actorId: user.id, actorRole: user.role, entityType: "FtIndicator", entityId: row.id, platformId: file.platformId, metadata: { subsidyFileId: id, ...input } });
    return toDto(row);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function updateFtIndicator(db: Db, user: CurrentUser, id: string, indicatorId: string, input: UpdateFtIndicatorInput): Promise<FtIndicatorDto> {
  const file = await writableFtFile(db, user, id);
  if (!UUID.test(indicatorId)) throw new NotFoundError("Indicateur introuvable.");
  const { version, ...data } = input;
  return db.$transaction(async (tx) => {
    const { count } = await tx.ftIndicator.updateMany({ where: { id: indicatorId, subsidyFileId: id, version }, data: { ...decimalData(data), version: { increment: 1 } } });
    if (count === 0) {
      if (!(await tx.ftIndicator.count({ where: { id: indicatorId, subsidyFileId: id } }))) throw new NotFoundError("Indicateur introuvable.");
      throw new ConflictError("Cet indicateur a été modifié entre-temps. Rechargez la page.");
    }
    await recordAudit(tx, { action: "ftIndicator.updated", actorId: user.id, actorRole: user.role, entityType: "FtIndicator", entityId: indicatorId, platformId: file.platformId, metadata: { subsidyFileId: id, ...data } });
    return toDto(await tx.ftIndicator.findUniqueOrThrow({ where: { id: indicatorId } }));
  });
}

export async function deleteFtIndicator(db: Db, user: CurrentUser, id: string, indicatorId: string): Promise<void> {
  const file = await writableFtFile(db, user, id);
  if (!UUID.test(indicatorId)) throw new NotFoundError("Indicateur introuvable.");
  await db.$transaction(async (tx) => {
    const row = await tx.ftIndicator.findFirst({ where: { id: indicatorId, subsidyFileId: id } });
    if (!row) throw new NotFoundError("Indicateur introuvable.");
    await tx.ftIndicator.delete({ where: { id: indicatorId } });
    await recordAudit(tx, { action: "ftIndicator.deleted", actorId: user.id, actorRole: user.role, entityType: "FtIndicator", entityId: indicatorId, platformId: file.platformId, metadata: { subsidyFileId: id, label: row.label } });
  });
}
