// Versioned texts agreed with the controller (issue 22 §2, §7): information notices given at
// collection and the staff's confidentiality commitment. A version is data (model NoticeText,
// first versions written by migration 20261203183000); the record of a person or a user keeps
// the version it was given.
//
// Région convention, annex 1 art. 3.3: « Le Sous-traitant, au moment de la collecte des données,
// doit fournir aux personnes concernées … l'information relative aux Traitements de données à
// caractère personnel qu'il réalise. La formulation et le format de l'information doivent être
// convenus avec le Responsable de traitement avant la collecte de données. »
// France Travail convention, annex 1 point 11: « Informer les personnes concernées de la
// transmission de leurs données à France Travail ».
import type { DbOrTx } from "@/lib/db";
import type { NoticeKind } from "@/lib/generated/prisma/enums";

export interface NoticeDto {
  kind: NoticeKind;
  version: number;
  title: string;
  body: string;
  validFrom: string;
}

const select = { kind: true, version: true, title: true, body: true, validFrom: true } as const;
const toDto = (r: { kind: NoticeKind; version: number; title: string; body: string; validFrom: Date }): NoticeDto => ({ ...r, validFrom: r.validFrom.toISOString() });

/** The version in force at `now` (the latest already valid), or null when none was ever written. */
export async function currentNotice(db: DbOrTx, kind: NoticeKind, now = new Date()): Promise<NoticeDto | null> {
  const row = await db.noticeText.findFirst({ where: { kind, validFrom: { lte: now } }, orderBy: { version: "desc" }, select });
  return row ? toDto(row) : null;
}

/** A given version (what a person was told), or null. */
export async function noticeVersion(db: DbOrTx, kind: NoticeKind, version: number): Promise<NoticeDto | null> {
  const row = await db.noticeText.findUnique({ where: { kind_version: { kind, version } }, select });
  return row ? toDto(row) : null;
}

/** The version number in force (the commitment check on every request needs only this). */
export async function currentNoticeVersion(db: DbOrTx, kind: NoticeKind, now = new Date()): Promise<number | null> {
  const row = await db.noticeText.findFirst({ where: { kind, validFrom: { lte: now } }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? null;
}
