import "server-only";
import { syncTrancheStatuses } from "@/lib/subsidy/tranche.service";
// Receipts of a subsidy file, stored through the storage driver under the key <fileId>/<receiptId>
// (local: RECEIPTS_DIR/<fileId>/<receiptId>, never in public/; S3: receipts/<fileId>/<receiptId>),
// described in the Receipt table. Payslips hold staff personal data: every download is
// audited, like every upload and deletion.
import { createHash, randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, PayloadTooLargeError, UnprocessableError, ValidationError } from "@/lib/errors";
import { receiptStorage } from "@/lib/storage";
import { StoredFileMissingError } from "@/lib/storage/storage";
import { findScopedFile } from "@/lib/subsidy/subsidy-file.repo";
import { RECEIPT_KINDS, receiptPlacementRefusal, receiptRefusal, safeFileName, sniffReceiptType, type ReceiptKind } from "@/lib/subsidy/receipt.rules";

export interface ReceiptDto {
  id: string;
  kind: ReceiptKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  budgetLineId: string | null;
  trancheId: string | null;
  createdAt: string;
}

/** Field by field: the row also holds the uploader, the file and the checksum, which the API does not give out. */
function toDto(r: { id: string; kind: string; fileName: string; mimeType: string; sizeBytes: number; budgetLineId: string | null; trancheId: string | null; createdAt: Date }): ReceiptDto {
  return { id: r.id, kind: r.kind as ReceiptKind, fileName: r.fileName, mimeType: r.mimeType, sizeBytes: r.sizeBytes, budgetLineId: r.budgetLineId, trancheId: r.trancheId, createdAt: r.createdAt.toISOString() };
}

function storageKey(fileId: string, receiptId: string): string {
  return `${fileId}/${receiptId}`;
}

export async function listReceipts(db: Db, user: CurrentUser, fileId: string): Promise<ReceiptDto[]> {
  await findScopedFile(db, user, fileId);
  const rows = await db.receipt.findMany({ where: { subsidyFileId: fileId }, orderBy: { createdAt: "asc" } });
  return rows.map(toDto);
}

export interface UploadInput {
  kind: string;
  budgetLineId?: string | null;
  trancheId?: string | null;
  fileName: string;
  bytes: Uint8Array;
}

export async function saveReceipt(db: Db, user: CurrentUser, fileId: string, input: UploadInput): Promise<ReceiptDto> {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  if (!(input.kind in RECEIPT_KINDS)) throw new ValidationError({ kind: ["Choisissez le type de justificatif."] });
  const placement = receiptPlacementRefusal(input.kind as ReceiptKind, { funder: file.funder, budgetLineId: input.budgetLineId, trancheId: input.trancheId });
  if (placement) throw new UnprocessableError(placement, { kind: [placement] });
  const maxBytes = env.RECEIPT_MAX_MB * 1_048_576;
  const refusal = receiptRefusal(input.bytes, maxBytes);
  if (refusal && input.bytes.length > maxBytes) throw new PayloadTooLargeError(refusal, { file: [refusal] });
  if (refusal) throw new UnprocessableError(refusal, { file: [refusal] });
  const mime = sniffReceiptType(input.bytes)!;
  if (input.budgetLineId && !(await db.budgetLine.count({ where: { id: input.budgetLineId, subsidyFileId: fileId } }))) throw new NotFoundError("Ligne de budget introuvable.");
  if (input.trancheId && !(await db.tranche.count({ where: { id: input.trancheId, subsidyFileId: fileId } }))) throw new NotFoundError("Tranche introuvable.");
  const id = randomUUID();
  const key = storageKey(fileId, id);
  await receiptStorage().putAt(key, input.bytes);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.receipt.create({
        data: {
          id, subsidyFileId: fileId, budgetLineId: input.budgetLineId || null, trancheId: input.trancheId || null, kind: input.kind,
          fileName: safeFileName(input.fileName, mime), mimeType: mime, sizeBytes: input.bytes.length,
          sha256: createHash("sha256").update(input.bytes).digest("hex"), uploadedById: user.id,
        },
      });
      if (row.trancheId) await syncTrancheStatuses(tx, fileId);
      await recordAudit(tx, {
        action: "receipt.uploaded", actorId: user.id, actorRole: user.role, entityType: "Receipt", entityId: id, platformId: file.platformId,
        metadata: { subsidyFileId: fileId, kind: input.kind, sizeBytes: row.sizeBytes, sha256: row.sha256 },
      });
      return toDto(row);
    });
  } catch (err) {
    // No orphan file in storage when the row could not be written.
    await receiptStorage().delete(key);
    throw err;
  }
}

export async function readReceipt(db: Db, user: CurrentUser, fileId: string, receiptId: string) {
  const file = await findScopedFile(db, user, fileId);
  const row = await db.receipt.findFirst({ where: { id: receiptId, subsidyFileId: fileId } });
  if (!row) throw new NotFoundError("Justificatif introuvable.");
  const bytes = await receiptStorage().get(storageKey(fileId, row.id)).catch((err: unknown) => {
    if (err instanceof StoredFileMissingError) throw new UnprocessableError("Le fichier de ce justificatif est introuvable dans le stockage : contactez l'administrateur.");
    throw err;
  });
  if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new UnprocessableError("Le justificatif stocké a été altéré : contactez l'administrateur.");
  await recordAudit(db, { action: "receipt.read", actorId: user.id, actorRole: user.role, entityType: "Receipt", entityId: row.id, platformId: file.platformId, metadata: { subsidyFileId: fileId } });
  return { bytes, fileName: row.fileName, mimeType: row.mimeType };
}
