import "server-only";
// The staff side of the public intake (issue 23): the routed platform's assistants and managers
// read a request (audited), then convert it — the company's contact enters its contacts, the
// person becomes a job-seeker record after the information notice given at the first call — or
// discard it. Either way the request's personal fields are wiped at once (data minimisation):
// what remains is the row's kind, platform and dates, which the bilans count.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { ConvertCompanyInput, ConvertPersonInput, DiscardIntakeInput, PreferredSlot } from "@/lib/intake/intake.schema";
import { createJobSeeker, type CreateJobSeekerResult } from "@/lib/job-seekers/job-seeker.service";
import { parseInstant } from "@/lib/fields.schema";

export const INTAKE_STATUS_LABELS = { A_TRAITER: "À traiter", CONVERTIE: "Enregistrée", ECARTEE: "Écartée", EXPIREE: "Expirée (données effacées)" } as const;
export const INTAKE_KIND_LABELS = { ENTREPRISE: "Entreprise qui recrute", PERSONNE: "Personne qui cherche un emploi" } as const;

/** Fields wiped when a request is converted, discarded or expired. */
export const WIPED_FIELDS = { firstName: null, lastName: null, role: null, email: null, phone: null, need: null, preferredSlot: null } as const;

function scope(user: CurrentUser) {
  const s = scopeFor(user, "intake");
  if (!s) throw new ForbiddenError();
  return s;
}

/** Open requests of the user's platforms: « Ma journée » lists them first, oldest first. */
export function openIntakeWhere(user: CurrentUser) {
  const s = scopeFor(user, "intake");
  return s ? { AND: [s, { status: "A_TRAITER" as const }] } : null;
}

export interface IntakeDetail {
  id: string;
  kind: "ENTREPRISE" | "PERSONNE";
  status: keyof typeof INTAKE_STATUS_LABELS;
  submittedAt: string;
  communeName: string;
  communeInsee: string;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  need: string | null;
  preferredSlot: PreferredSlot | null;
  siret: string | null;
  companyId: string | null;
  companyName: string | null;
  callbackId: string | null;
  jobSeekerId: string | null;
  contactId: string | null;
  processedAt: string | null;
  version: number;
}

async function findInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  const row = await tx.intakeRequest.findFirst({ where: { AND: [scope(user), { id }] } });
  if (!row) throw new NotFoundError("Demande introuvable.");
  return row;
}

/** One request, its personal fields included: the read is audited. */
export async function getIntakeRequest(db: Db, user: CurrentUser, id: string): Promise<IntakeDetail> {
  const row = await findInScope(db, user, id);
  const company = row.companyId ? await db.company.findFirst({ where: { AND: [scopeFor(user, "company") ?? { id: { in: [] } }, { id: row.companyId }] }, select: { name: true } }) : null;
  if (row.wipedAt === null) {
    await recordAudit(db, { action: "intake.viewed", actorId: user.id, actorRole: user.role, entityType: "IntakeRequest", entityId: id, platformId: row.platformId });
  }
  return {
    id: row.id, kind: row.kind, status: row.status, submittedAt: row.submittedAt.toISOString(), communeName: row.communeName, communeInsee: row.communeInsee,
    firstName: row.firstName, lastName: row.lastName, role: row.role, email: row.email, phone: row.phone, need: row.need,
    preferredSlot: row.preferredSlot as PreferredSlot | null, siret: row.siret, companyId: row.companyId, companyName: company?.name ?? null,
    callbackId: row.callbackId, jobSeekerId: row.jobSeekerId, contactId: row.contactId, processedAt: row.processedAt?.toISOString() ?? null, version: row.version,
  };
}

async function close(tx: DbOrTx, user: CurrentUser, row: { id: string; version: number }, status: "CONVERTIE" | "ECARTEE", links: { contactId?: string; jobSeekerId?: string }, now: Date) {
  const { count } = await tx.intakeRequest.updateMany({
    where: { id: row.id, version: row.version, status: "A_TRAITER" },
    data: { ...WIPED_FIELDS, ...links, status, processedAt: now, processedById: user.id, wipedAt: now, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError("Cette demande a été traitée ou modifiée entre-temps. Rechargez la page.");
}

function assertOpen(row: { status: string; version: number }, version: number) {
  if (row.status !== "A_TRAITER") throw new UnprocessableError("Cette demande est déjà traitée.");
  if (row.version !== version) throw new ConflictError();
}

/** A company's request: its contact person enters the company's contacts, its need a company note. */
export async function convertCompanyRequest(db: Db, user: CurrentUser, id: string, input: ConvertCompanyInput, now = new Date()): Promise<{ contactId: string; companyId: string }> {
  return db.$transaction(async (tx) => {
    const row = await findInScope(tx, user, id);
    if (row.kind !== "ENTREPRISE" || !row.companyId) throw new UnprocessableError("Cette demande n'est pas celle d'une entreprise.");
    assertOpen(row, input.version);
    const contact = await tx.companyContact.create({
      data: { platformId: row.platformId, companyId: row.companyId, lastName: row.lastName, firstName: row.firstName, jobTitle: row.role, proEmail: row.email, proPhone: row.phone },
      select: { id: true },
    });
    if (row.need) {
      await tx.companyInteraction.create({ data: { platformId: row.platformId, companyId: row.companyId, kind: "NOTE", at: row.submittedAt, summary: `Demande déposée en ligne : ${row.need}`.slice(0, 2000), authorId: user.id } });
    }
    await close(tx, user, row, "CONVERTIE", { contactId: contact.id }, now);
    await recordAudit(tx, { action: "intake.converted", actorId: user.id, actorRole: user.role, entityType: "IntakeRequest", entityId: id, platformId: row.platformId, metadata: { contactId: contact.id, companyId: row.companyId } });
    await recordAudit(tx, { action: "contact.created", actorId: user.id, actorRole: user.role, entityType: "CompanyContact", entityId: contact.id, platformId: row.platformId, metadata: { companyId: row.companyId, intakeRequestId: id } });
    return { contactId: contact.id, companyId: row.companyId };
  });
}

/**
 * A person's request becomes a job-seeker record, by the one creation path (duplicate check,
 * audit). The record is created first; the request is then closed only if still open at the
 * version seen — a concurrent second conversion meets the duplicate warning of the first record.
 */
export async function convertPersonRequest(db: Db, user: CurrentUser, id: string, input: ConvertPersonInput, now = new Date()): Promise<CreateJobSeekerResult> {
  const row = await findInScope(db, user, id);
  if (row.kind !== "PERSONNE") throw new UnprocessableError("Cette demande n'est pas celle d'une personne.");
  assertOpen(row, input.version);
  const result = await createJobSeeker(db, user, {
    lastName: row.lastName ?? "", firstName: row.firstName ?? "", birthDate: input.birthDate ? parseInstant(input.birthDate) : undefined,
    phone: row.phone, email: row.email, city: row.communeName, communeCode: row.communeInsee, desiredJobLabel: row.need?.slice(0, 200) ?? null,
    transportModes: [], mobilityCodes: [], supportNeeds: [], desiredRomeCodes: [],
    origin: "FORMULAIRE_EN_LIGNE", informedAt: now, informedChannel: input.informedChannel, confirmNotDuplicate: input.confirmNotDuplicate,
  }, {}, now);
  if (result.status !== "CREATED") return result;
  await db.$transaction(async (tx) => {
    await close(tx, user, row, "CONVERTIE", { jobSeekerId: result.id }, now);
    await recordAudit(tx, { action: "intake.converted", actorId: user.id, actorRole: user.role, entityType: "IntakeRequest", entityId: id, platformId: row.platformId, metadata: { jobSeekerId: result.id } });
  });
  return result;
}

export async function discardIntakeRequest(db: Db, user: CurrentUser, id: string, input: DiscardIntakeInput, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findInScope(tx, user, id);
    assertOpen(row, input.version);
    await close(tx, user, row, "ECARTEE", {}, now);
    await recordAudit(tx, { action: "intake.discarded", actorId: user.id, actorRole: user.role, entityType: "IntakeRequest", entityId: id, platformId: row.platformId, reason: input.reason });
  });
}
