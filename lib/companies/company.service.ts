import "server-only";
// Company and contact writes: authorize → validate references → write in one transaction → audit.
import { auditChanges } from "@/lib/audit/changes";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { sirenOf } from "@/lib/companies/company.rules";
import { findCompanyRow, findContact, getCompany, toCompanyDto } from "@/lib/companies/company.query";
import type { CompanyDto, ContactDto, CreateCompanyInput, CreateContactInput, UpdateCompanyInput, UpdateContactInput } from "@/lib/companies/company.schema";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError, ConflictError, ForbiddenError, UnprocessableError, ValidationError } from "@/lib/errors";


function assertCan(user: CurrentUser, action: Action) {
  if (!can(user, action)) throw new ForbiddenError();
}

/** The platform a new record goes to: the user's only one, or the one they chose among theirs. */
export function targetPlatform(user: CurrentUser, requested?: string): string {
  if (requested) {
    if (!user.platformIds.includes(requested)) throw new ValidationError({ platformId: ["Vous n'intervenez pas sur cette plateforme."] });
    return requested;
  }
  if (user.platformIds.length === 1) return user.platformIds[0]!;
  throw new ValidationError({ platformId: ["Choisissez la plateforme."] });
}

async function communeData(db: DbOrTx, code: string | undefined) {
  if (!code) return { inseeCode: null, postalCode: null, city: null };
  const c = await db.commune.findUnique({ where: { inseeCode: code }, select: { inseeCode: true, name: true, postalCodes: true } });
  if (!c) throw new ValidationError({ communeCode: ["Commune inconnue du référentiel INSEE."] });
  return { inseeCode: c.inseeCode, postalCode: c.postalCodes[0] ?? null, city: c.name };
}

export class DuplicateSiretError extends AppError {
  constructor(readonly existing: { id: string; name: string }) {
    super("DUPLICATE_SIRET", 409, `Ce SIRET est déjà enregistré sur la plateforme : « ${existing.name} ».`, {
      siret: [`Déjà enregistré : « ${existing.name} » (/entreprises/${existing.id}).`],
    });
  }
}

async function assertSiretFree(db: DbOrTx, platformId: string, siret: string, exceptId?: string) {
  const existing = await db.company.findFirst({ where: { platformId, siret, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, name: true } });
  if (existing) throw new DuplicateSiretError(existing);
}

function companyData(input: CreateCompanyInput | UpdateCompanyInput, commune: Awaited<ReturnType<typeof communeData>>) {
  return {
    siret: input.siret,
    siren: sirenOf(input.siret),
    name: input.name,
    nafCode: input.nafCode ?? null,
    sector: input.sector ?? null,
    headcountBand: input.headcountBand ?? null,
    addressLine: input.address ?? null,
    ...commune,
    viaNumeroVert: input.numeroVert,
    numeroVertCallDate: input.numeroVert ? (input.numeroVertCalledAt ?? null) : null,
  };
}

export async function createCompany(db: Db, user: CurrentUser, input: CreateCompanyInput): Promise<CompanyDto> {
  assertCan(user, "company.write");
  const platformId = targetPlatform(user, input.platformId);
  return db.$transaction(async (tx) => {
    await assertSiretFree(tx, platformId, input.siret);
    const data = companyData(input, await communeData(tx, input.communeCode));
    const created = await tx.company.create({ data: { ...data, platformId, createdById: user.id }, select: { id: true } });
    await recordAudit(tx, { action: "company.created", actorId: user.id, actorRole: user.role, entityType: "Company", entityId: created.id, platformId, metadata: { siret: data.siret, name: data.name } });
    return toCompanyDto(await findCompanyRow(tx, user, created.id));
  });
}

export async function updateCompany(db: Db, user: CurrentUser, id: string, input: UpdateCompanyInput): Promise<CompanyDto> {
  assertCan(user, "company.write");
  return db.$transaction(async (tx) => {
    const before = await tx.company.findFirstOrThrow({ where: { id: (await findCompanyRow(tx, user, id)).id } });
    await assertSiretFree(tx, before.platformId, input.siret, id);
    const data = companyData(input, await communeData(tx, input.communeCode));
    const { count } = await tx.company.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette entreprise a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page pour voir sa version actuelle.");
    await recordAudit(tx, {
      action: "company.updated",
      actorId: user.id,
      actorRole: user.role,
      entityType: "Company",
      entityId: id,
      platformId: before.platformId,
      metadata: { changes: auditChanges(before, data) },
    });
    return getCompany(tx, user, id);
  });
}

/** A company with history (visits, offers, callbacks, events) is kept: deleting it would lose activity figures. */
export async function deleteCompany(db: Db, user: CurrentUser, id: string): Promise<void> {
  assertCan(user, "company.write");
  await db.$transaction(async (tx) => {
    const row = await findCompanyRow(tx, user, id);
    const c = await tx.company.findUniqueOrThrow({ where: { id }, select: { _count: { select: { visits: true, offers: true, callbacks: true, events: true, notes: true } } } });
    if (Object.values(c._count).some((n) => n > 0)) {
      throw new UnprocessableError("Cette entreprise a un historique (visites, offres, rappels, événements ou notes) : elle ne peut pas être supprimée.");
    }
    await tx.company.delete({ where: { id } });
    await recordAudit(tx, { action: "company.deleted", actorId: user.id, actorRole: user.role, entityType: "Company", entityId: id, platformId: row.platformId, metadata: { siret: row.siret, name: row.name } });
  });
}

export async function createContact(db: Db, user: CurrentUser, companyId: string, input: CreateContactInput): Promise<ContactDto> {
  assertCan(user, "contact.write");
  return db.$transaction(async (tx) => {
    const company = await findCompanyRow(tx, user, companyId);
    const created = await tx.companyContact.create({
      data: { ...nullable(input), companyId, platformId: company.platformId, lastContactAt: company.lastContactAt },
      select: { id: true },
    });
    await recordAudit(tx, { action: "contact.created", actorId: user.id, actorRole: user.role, entityType: "CompanyContact", entityId: created.id, platformId: company.platformId, metadata: { companyId } });
    return findContact(tx, user, companyId, created.id);
  });
}

export async function updateContact(db: Db, user: CurrentUser, companyId: string, contactId: string, input: UpdateContactInput): Promise<ContactDto> {
  assertCan(user, "contact.write");
  return db.$transaction(async (tx) => {
    const before = await findContact(tx, user, companyId, contactId);
    const { version, ...fields } = input;
    const data = nullable(fields);
    const { count } = await tx.companyContact.updateMany({ where: { id: contactId, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce contact a été modifié entre-temps. Rechargez la page.");
    const company = await findCompanyRow(tx, user, companyId);
    await recordAudit(tx, {
      action: "contact.updated",
      actorId: user.id,
      actorRole: user.role,
      entityType: "CompanyContact",
      entityId: contactId,
      platformId: company.platformId,
      // Personal data: the audit records which fields changed, not their values.
      metadata: { companyId, fields: Object.keys(auditChanges(before, data)) },
    });
    return findContact(tx, user, companyId, contactId);
  });
}

export async function deleteContact(db: Db, user: CurrentUser, companyId: string, contactId: string): Promise<void> {
  assertCan(user, "contact.write");
  await db.$transaction(async (tx) => {
    await findContact(tx, user, companyId, contactId);
    const company = await findCompanyRow(tx, user, companyId);
    await tx.companyContact.delete({ where: { id: contactId } });
    await recordAudit(tx, { action: "contact.deleted", actorId: user.id, actorRole: user.role, entityType: "CompanyContact", entityId: contactId, platformId: company.platformId, metadata: { companyId } });
  });
}

function nullable<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> | null } {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? null])) as { [K in keyof T]: Exclude<T[K], undefined> | null };
}
