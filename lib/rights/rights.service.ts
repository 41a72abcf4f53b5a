import "server-only";
// Rights requests (annex 1 art. 3.6, DOMAIN.md §5): register, follow the legal clocks, and carry
// out the right exercised. Use case = authorize → parse → rules → write in one transaction → audit.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, canReceivePersonalFile, FIXED_IDENTITY_EXPORT_PURPOSES, isProcessorRole, PERSONAL_FILE_TOKEN_REFUSED, scopeFor, type Action } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverOutboxSoon } from "@/lib/email/outbox.service";
import { destroyChefDeFile, destroyCompanyContact } from "@/lib/retention/retention.repo";
import { destroyJobSeekerNow } from "@/lib/retention/retention.service";
import { enqueueForwards, platformOfRecorder } from "@/lib/rights/forwarding.service";
import { forwardTargets, rightsForwardEmails } from "@/lib/rights/forwarding.rules";
import { appUrl } from "@/lib/email/links";
import { renderAccessHtml, toPortableCsv, toPortableJson } from "@/lib/rights/access-document";
import { CONTROLLER_NAME } from "@/lib/rights/register.config";
import { CLOCK_LABELS, countdownLabel, nextClock, rightsRequestClocks, answerDueAt, type Clock } from "@/lib/rights/rights.rules";
import { personName, resolveSubject } from "@/lib/rights/subjects.service";
import {
  RIGHTS_CHANNEL_LABELS, RIGHTS_KIND_LABELS, createRightsRequestSchema, rightsActionSchema, type CreateRightsRequestInput, type RightsActionInput, type RightsListQuery, type RightsRequestDto,
} from "@/lib/rights/rights.schema";
import { collectSubjectData } from "@/lib/rights/subject-data";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { getSettings } from "@/lib/settings/settings.service";
import type { DeadlinesRules } from "@/lib/rules/rule-set.schema";
import { parseInput } from "@/lib/validation";
import { isInFuture } from "@/lib/fields.schema";
import { parisToday } from "@/lib/paris-day";

const NOT_FOUND = "Demande introuvable.";

function scope(user: CurrentUser, action: Action): Prisma.RightsRequestWhereInput {
  if (!can(user, action)) throw new ForbiddenError();
  const where = scopeFor(user, "rightsRequest");
  if (!where) throw new ForbiddenError();
  return where as Prisma.RightsRequestWhereInput;
}

export { searchSubjects } from "@/lib/rights/subjects.service";

const select = {
  id: true, kind: true, status: true, requesterName: true, requesterContact: true, channel: true, details: true, response: true,
  receivedAt: true, forwardedAt: true, answeredAt: true, controllerOrderAt: true, executedAt: true, dueAt: true, version: true, platformId: true,
  createdAt: true, recordedByPlatform: true, concernsFranceTravail: true, franceTravailForwardedAt: true,
  platform: { select: { name: true } },
  jobSeeker: { select: { id: true, firstName: true, lastName: true, lifecycle: true, restrictedAt: true, platformId: true } },
  companyContact: { select: { id: true, firstName: true, lastName: true, lifecycle: true } },
  chefDeFile: { select: { id: true, firstName: true, lastName: true, lifecycle: true } },
} satisfies Prisma.RightsRequestSelect;
type Row = Prisma.RightsRequestGetPayload<{ select: typeof select }>;

function clockDto(c: Clock) {
  return { name: c.name, label: CLOCK_LABELS[c.name], dueAt: c.dueAt.toISOString(), doneAt: c.doneAt?.toISOString() ?? null, remainingMs: c.remainingMs, overdue: c.overdue, late: c.late, countdown: countdownLabel(c) };
}


function toDto(r: Row, rules: DeadlinesRules, now: Date): RightsRequestDto {
  const clocks = rightsRequestClocks(r, rules, now);
  const next = nextClock(clocks);
  return {
    id: r.id, kind: r.kind, status: r.status, requesterName: r.requesterName, requesterContact: r.requesterContact, channel: r.channel,
    details: r.details, response: r.response, receivedAt: r.receivedAt.toISOString(), forwardedAt: r.forwardedAt?.toISOString() ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null, controllerOrderAt: r.controllerOrderAt?.toISOString() ?? null, executedAt: r.executedAt?.toISOString() ?? null,
    dueAt: r.dueAt.toISOString(), platform: r.platform?.name ?? null,
    jobSeeker: r.jobSeeker ? { id: r.jobSeeker.id, name: personName(r.jobSeeker), lifecycle: r.jobSeeker.lifecycle, restricted: r.jobSeeker.restrictedAt !== null } : null,
    otherSubject: r.companyContact ? { type: "COMPANY_CONTACT", id: r.companyContact.id, name: personName(r.companyContact), lifecycle: r.companyContact.lifecycle }
      : r.chefDeFile ? { type: "CHEF_DE_FILE", id: r.chefDeFile.id, name: personName(r.chefDeFile), lifecycle: r.chefDeFile.lifecycle } : null,
    recordedAt: r.createdAt.toISOString(), recordedByPlatform: r.recordedByPlatform, concernsFranceTravail: r.concernsFranceTravail,
    franceTravailForwardedAt: r.franceTravailForwardedAt?.toISOString() ?? null,
    clocks: clocks.map(clockDto), next: next ? clockDto(next) : null, overdue: clocks.some((c) => c.overdue), version: r.version,
  };
}

async function deadlines(db: DbOrTx, now: Date): Promise<DeadlinesRules> {
  return (await getActiveRuleSet(db, "DEADLINES", now)).payload;
}

const OPEN: Prisma.RightsRequestWhereInput = { status: { in: ["RECEIVED", "FORWARDED", "IN_PROGRESS"] } };

export async function listRightsRequests(db: Db, user: CurrentUser, q: RightsListQuery, now = new Date()) {
  const where: Prisma.RightsRequestWhereInput = {
    AND: [
      scope(user, "rights.read"),
      q.status === "open" ? OPEN : q.status === "closed" ? { status: { in: ["ANSWERED", "REJECTED"] } } : q.status ? { status: q.status } : {},
      q.kind ? { kind: q.kind } : {},
    ],
  };
  const rules = await deadlines(db, now);
  if (q.overdue) {
    // Overdue is computed by the pure rules: filter the open requests in memory (a DPO's list is small).
    const rows = await db.rightsRequest.findMany({ where: { AND: [where, OPEN] }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select, take: 2000 });
    const overdue = rows.map((r) => toDto(r, rules, now)).filter((d) => d.overdue);
    return { items: overdue.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), page: q.page, pageSize: q.pageSize, total: overdue.length };
  }
  const [total, rows] = await Promise.all([
    db.rightsRequest.count({ where }),
    db.rightsRequest.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select }),
  ]);
  return { items: rows.map((r) => toDto(r, rules, now)), page: q.page, pageSize: q.pageSize, total };
}

async function findInScope(tx: DbOrTx, user: CurrentUser, id: string, action: Action): Promise<Row> {
  const row = await tx.rightsRequest.findFirst({ where: { AND: [{ id }, scope(user, action)] }, select });
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

export async function getRightsRequest(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<RightsRequestDto> {
  const row = await findInScope(db, user, id, "rights.read");
  return toDto(row, await deadlines(db, now), now);
}

/**
 * Records a request. Recorded by a platform (processor), it is forwarded at once by e-mail to the
 * addresses of Région convention annex 1 art. 3.4 (3.5 for an authority); about the data returned to
 * France Travail, to its DPO too (FT convention annex 1, 2.7). The clocks run from `receivedAt`, the
 * platform's receipt, not from this recording.
 */
export async function createRightsRequest(db: Db, user: CurrentUser, raw: CreateRightsRequestInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<RightsRequestDto> {
  if (!can(user, "rights.record")) throw new ForbiddenError();
  const input = parseInput(createRightsRequestSchema, raw);
  if (isInFuture(input.receivedAt, now)) throw new ValidationError({ receivedAt: ["La date de réception ne peut pas être dans le futur."] });
  const [rules, settings] = await Promise.all([deadlines(db, now), getSettings(db)]);
  const recordedByPlatform = isProcessorRole(user.role);
  const id = await db.$transaction(async (tx) => {
    const subject = await resolveSubject(tx, user, { jobSeekerId: input.jobSeekerId || undefined, companyContactId: input.companyContactId || undefined, chefDeFileId: input.chefDeFileId || undefined });
    const platformId = subject?.platformId ?? (recordedByPlatform ? platformOfRecorder(user, input.platformId) : null);
    const concernsFranceTravail = Boolean(input.concernsFranceTravail) || Boolean(subject?.inFranceTravailReturn);
    const targets = forwardTargets({ recordedByPlatform, concernsFranceTravail });
    const dueAt = answerDueAt(input.receivedAt, rules);
    const created = await tx.rightsRequest.create({
      data: {
        kind: input.kind, requesterName: input.requesterName, requesterContact: input.requesterContact || null, channel: input.channel,
        receivedAt: input.receivedAt, details: input.details || null, platformId, dueAt, createdById: user.id, createdAt: now,
        jobSeekerId: subject?.type === "JOB_SEEKER" ? subject.id : null,
        companyContactId: subject?.type === "COMPANY_CONTACT" ? subject.id : null,
        chefDeFileId: subject?.type === "CHEF_DE_FILE" ? subject.id : null,
        recordedByPlatform, concernsFranceTravail,
        // The forward e-mail is queued in this transaction: the step is done now.
        ...(recordedByPlatform ? { forwardedAt: now, status: "FORWARDED" as const } : {}),
        ...(concernsFranceTravail ? { franceTravailForwardedAt: now } : {}),
      },
      select: { id: true, platform: { select: { name: true } } },
    });
    const emails = rightsForwardEmails({
      id: created.id, kindLabel: RIGHTS_KIND_LABELS[input.kind], authority: input.kind === "AUTHORITY", channelLabel: RIGHTS_CHANNEL_LABELS[input.channel],
      platformName: created.platform?.name ?? null, receivedAt: input.receivedAt, recordedAt: now, answerDueAt: dueAt, subject: subject?.type ?? null,
      url: appUrl(`/rgpd/demandes/${created.id}`),
    }, targets, settings);
    await enqueueForwards(tx, emails, now);
    await recordAudit(tx, {
      action: "rights.created", actorId: user.id, actorRole: user.role, entityType: "RightsRequest", entityId: created.id, platformId,
      reason: "Enregistrement d'une demande d'exercice de droits", requestId: ctx.requestId,
      metadata: { kind: input.kind, subjectType: subject?.type ?? null, subjectId: subject?.id ?? null, jobSeekerId: subject?.type === "JOB_SEEKER" ? subject.id : null, forwardedTo: emails.map((e) => e.to) },
    });
    return created.id;
  });
  deliverOutboxSoon(db);
  return getRightsRequest(db, user, id, now);
}

const CLOSED = new Set(["ANSWERED", "REJECTED"]);

/** Which actions carry out which right: the others are refused with a clear message. */
const ACTION_KINDS: Partial<Record<RightsActionInput["action"], readonly string[]>> = {
  erase: ["ERASURE", "OBJECTION"],
  restrict: ["RESTRICTION", "OBJECTION"],
};

export async function applyRightsAction(db: Db, user: CurrentUser, id: string, raw: RightsActionInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<RightsRequestDto> {
  scope(user, "rights.write");
  const input = parseInput(rightsActionSchema, raw);
  const current = await findInScope(db, user, id, "rights.write");
  const allowed = ACTION_KINDS[input.action];
  if (allowed && !allowed.includes(current.kind)) throw new UnprocessableError("Cette action ne correspond pas au droit exercé dans la demande.");
  if (CLOSED.has(current.status) && input.action !== "unrestrict") throw new UnprocessableError("La demande est close.");
  const audit = (tx: DbOrTx, action: string, metadata: Prisma.InputJsonValue = {}) =>
    recordAudit(tx as Prisma.TransactionClient, {
      action: `rights.${action}`, actorId: user.id, actorRole: user.role, entityType: "RightsRequest", entityId: id, platformId: current.platformId,
      requestId: ctx.requestId, metadata,
    });
  const needSeeker = () => {
    if (!current.jobSeeker || current.jobSeeker.lifecycle === "DESTROYED") throw new UnprocessableError("Reliez d'abord la demande à la personne concernée.");
    return current.jobSeeker;
  };
  /** Optimistic step: the write only applies to the version that was read. */
  const step = async (tx: Prisma.TransactionClient, data: Prisma.RightsRequestUncheckedUpdateManyInput) => {
    const { count } = await tx.rightsRequest.updateMany({ where: { id, version: current.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette demande a été modifiée entre-temps. Rechargez la page.");
  };

  switch (input.action) {
    case "forward":
      if (current.forwardedAt) throw new UnprocessableError("La demande a déjà été transmise.");
      await db.$transaction(async (tx) => {
        await step(tx, { forwardedAt: input.at ?? now, status: current.status === "RECEIVED" ? "FORWARDED" : current.status });
        await audit(tx, "forward");
      });
      break;
    case "controllerOrder":
      await db.$transaction(async (tx) => {
        await step(tx, { controllerOrderAt: input.at ?? now, executedAt: null, status: "IN_PROGRESS" });
        await audit(tx, "controllerOrder");
      });
      break;
    case "link":
    case "linkContact":
    case "linkChefDeFile": {
      await db.$transaction(async (tx) => {
        const subject = (await resolveSubject(tx, user, input))!;
        // One person per request: linking another kind of person unlinks the previous one.
        await step(tx, {
          jobSeekerId: subject.type === "JOB_SEEKER" ? subject.id : null,
          companyContactId: subject.type === "COMPANY_CONTACT" ? subject.id : null,
          chefDeFileId: subject.type === "CHEF_DE_FILE" ? subject.id : null,
          platformId: subject.platformId,
          ...(subject.inFranceTravailReturn ? { concernsFranceTravail: true } : {}),
        });
        await audit(tx, input.action, { subjectType: subject.type, subjectId: subject.id, ...(subject.type === "JOB_SEEKER" ? { jobSeekerId: subject.id } : {}) });
      });
      break;
    }
    case "forwardFranceTravail": {
      // France Travail convention annex 1, 2.7: sent « dès réception » to France Travail's DPO.
      if (current.franceTravailForwardedAt) throw new UnprocessableError("La demande a déjà été transmise au DPO de France Travail.");
      const settings = await getSettings(db);
      await db.$transaction(async (tx) => {
        await step(tx, { concernsFranceTravail: true, franceTravailForwardedAt: now });
        const emails = rightsForwardEmails({
          id, kindLabel: RIGHTS_KIND_LABELS[current.kind], authority: current.kind === "AUTHORITY",
          channelLabel: current.channel && current.channel in RIGHTS_CHANNEL_LABELS ? RIGHTS_CHANNEL_LABELS[current.channel as keyof typeof RIGHTS_CHANNEL_LABELS] : null,
          platformName: current.platform?.name ?? null, receivedAt: current.receivedAt, recordedAt: current.createdAt, answerDueAt: current.dueAt,
          subject: current.jobSeeker ? "JOB_SEEKER" : current.companyContact ? "COMPANY_CONTACT" : current.chefDeFile ? "CHEF_DE_FILE" : null, url: appUrl(`/rgpd/demandes/${id}`),
        }, ["FRANCE_TRAVAIL_DPO"], settings);
        await enqueueForwards(tx, emails, now);
        await audit(tx, "forwardFranceTravail", { forwardedTo: emails.map((e) => e.to) });
      });
      deliverOutboxSoon(db);
      break;
    }
    case "answer":
    case "reject":
      await db.$transaction(async (tx) => {
        await step(tx, { status: input.action === "answer" ? "ANSWERED" : "REJECTED", answeredAt: now, response: input.response });
        await audit(tx, input.action);
      });
      break;
    case "execute":
      if (!current.controllerOrderAt) throw new UnprocessableError("Aucun ordre du responsable de traitement n'a été enregistré.");
      await db.$transaction(async (tx) => {
        await step(tx, { executedAt: now });
        await audit(tx, "execute");
      });
      break;
    case "restrict":
    case "unrestrict": {
      const seeker = needSeeker();
      await db.$transaction(async (tx) => {
        const { count } = await tx.jobSeeker.updateMany({
          where: { id: seeker.id, restrictedAt: input.action === "restrict" ? null : { not: null } },
          data: { restrictedAt: input.action === "restrict" ? now : null, version: { increment: 1 } },
        });
        if (count === 0) throw new UnprocessableError(input.action === "restrict" ? "Le traitement est déjà limité." : "Le traitement n'est pas limité.");
        await step(tx, input.action === "restrict" ? { status: "IN_PROGRESS" } : {});
        await audit(tx, input.action, { jobSeekerId: seeker.id });
        await recordAudit(tx, {
          action: input.action === "restrict" ? "jobSeeker.restricted" : "jobSeeker.unrestricted", actorId: user.id, actorRole: user.role,
          entityType: "JobSeeker", entityId: seeker.id, platformId: seeker.platformId, requestId: ctx.requestId, reason: "Demande d'exercice de droits", metadata: { rightsRequestId: id },
        });
      });
      break;
    }
    case "erase": {
      if (!current.jobSeeker && (current.companyContact || current.chefDeFile)) {
        // A company contact or chef de file: their identity is blanked as the retention run does.
        const other = current.companyContact ?? current.chefDeFile!;
        if (other.lifecycle === "DESTROYED") throw new UnprocessableError("Cette personne a déjà été effacée.");
        await db.$transaction(async (tx) => {
          if (current.companyContact) await destroyCompanyContact(tx, other.id, now);
          else await destroyChefDeFile(tx, other.id, now);
          await step(tx, { status: "ANSWERED", answeredAt: now, executedAt: current.controllerOrderAt ? now : null, response: "Effacement effectué." });
          await audit(tx, "erase", { subjectType: current.companyContact ? "COMPANY_CONTACT" : "CHEF_DE_FILE", subjectId: other.id });
          await recordAudit(tx, {
            action: current.companyContact ? "companyContact.destroyed" : "chefDeFile.destroyed", actorId: user.id, actorRole: user.role,
            entityType: current.companyContact ? "CompanyContact" : "ChefDeFile", entityId: other.id, platformId: current.platformId, requestId: ctx.requestId,
            reason: "Demande d'exercice de droits : effacement", metadata: { rightsRequestId: id },
          });
        });
        break;
      }
      const seeker = needSeeker();
      // The same destruction as the retention run (lib/retention), in its own audited transaction.
      await destroyJobSeekerNow(db, seeker, now, { rightsRequestId: id, actorId: user.id, actorRole: user.role });
      await db.$transaction(async (tx) => {
        const { count } = await tx.rightsRequest.updateMany({
          where: { id },
          data: { status: "ANSWERED", answeredAt: now, executedAt: current.controllerOrderAt ? now : null, response: "Effacement effectué.", version: { increment: 1 } },
        });
        if (count === 0) throw new NotFoundError(NOT_FOUND);
        await audit(tx, "erase", { jobSeekerId: seeker.id });
      });
      break;
    }
  }
  return getRightsRequest(db, user, id, now);
}

export type SubjectExport = { contentType: string; filename: string; body: string };

/** Access (HTML) and portability (JSON, CSV): everything held on the linked person; audited. */
export async function exportSubjectData(db: Db, user: CurrentUser, id: string, format: "html" | "json" | "csv", ctx: { requestId?: string } = {}, now = new Date()): Promise<SubjectExport> {
  // Access and portability are carried out by the DPO (the controller's side), not by the platform.
  scope(user, "rights.write");
  // The person's whole file: to a session only, never to a personal API token (lib/authz/policy.ts, SESSION_ONLY_ACTIONS).
  if (!canReceivePersonalFile(user)) throw new ForbiddenError(PERSONAL_FILE_TOKEN_REFUSED);
  const current = await findInScope(db, user, id, "rights.write");
  if (!current.jobSeeker || current.jobSeeker.lifecycle === "DESTROYED") throw new UnprocessableError("La demande n'est reliée à aucune personne dont des données sont détenues.");
  const seeker = current.jobSeeker;
  const data = await db.$transaction(async (tx) => {
    // Audited before collecting, so the document lists this very access too.
    await recordAudit(tx, {
      action: "jobSeeker.exported", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: seeker.id, platformId: seeker.platformId,
      reason: format === "html" ? "Droit d'accès : document des données détenues" : "Droit à la portabilité", requestId: ctx.requestId,
      // Issue 22 §6: an identity export whose purpose is fixed by its source (lib/authz/policy.ts).
      metadata: { rightsRequestId: id, format, identities: true, purpose: FIXED_IDENTITY_EXPORT_PURPOSES.rightsAnswer },
    });
    return collectSubjectData(tx, seeker.id, now);
  });
  const stamp = parisToday(now);
  if (format === "json") return { contentType: "application/json; charset=utf-8", filename: `donnees-${stamp}.json`, body: toPortableJson(data) };
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", filename: `donnees-${stamp}.csv`, body: toPortableCsv(data) };
  return { contentType: "text/html; charset=utf-8", filename: `acces-${stamp}.html`, body: renderAccessHtml(data, { controller: CONTROLLER_NAME, requestId: id }) };
}

/** Previous versions of the linked person's record (rectification keeps the history); DPO only, audited. */
export async function listRevisions(db: Db, user: CurrentUser, id: string, ctx: { requestId?: string } = {}) {
  const current = await findInScope(db, user, id, "rights.write");
  if (!current.jobSeeker) return [];
  const seeker = current.jobSeeker;
  const rows = await db.jobSeekerRevision.findMany({
    where: { jobSeekerId: seeker.id },
    orderBy: { version: "desc" },
    select: { version: true, changedFields: true, before: true, createdAt: true, actorId: true },
  });
  await recordAudit(db, {
    action: "jobSeeker.revisionsRead", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: seeker.id, platformId: seeker.platformId,
    reason: "Demande d'exercice de droits : historique des rectifications", requestId: ctx.requestId, metadata: { rightsRequestId: id, count: rows.length },
  });
  return rows.map((r) => ({ version: r.version, changedFields: r.changedFields, before: r.before as Record<string, unknown>, at: r.createdAt.toISOString() }));
}
