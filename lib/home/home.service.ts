import "server-only";
// Home page figures per role: real counts, each through scopeFor() so nobody counts what they may not see.
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor, type ScopedModel } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { UnprocessableError } from "@/lib/errors";
import { callbackQueueWhere, followUpQueueWhere } from "@/lib/home/my-day.service";
import { parisStartOfMonth } from "@/lib/paris-day";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";

export interface HomeFigure {
  key: string;
  label: string;
  value: number;
  href?: string;
  tone?: "alert";
}

type Where = Record<string, unknown>;

function scoped(user: CurrentUser, model: ScopedModel, extra: Where = {}): Where | null {
  const scope = scopeFor(user, model);
  return scope ? { AND: [scope, extra] } : null;
}

/** Subsidy deadlines late or due within 30 days (reports, recruitment, tranches). */
async function financeReminders(db: Db, user: CurrentUser, now: Date): Promise<HomeFigure[]> {
  // No DEADLINES rule set in force yet: the home page still opens, without this figure.
  const rows = await listDeadlines(db, user, now).catch((e: unknown) => {
    if (e instanceof UnprocessableError) return null;
    throw e;
  });
  if (!rows) return [];
  const value = rows.filter((r) => r.state === "LATE" || r.state === "SOON").length;
  return [{ key: "financeDeadlines", label: "Échéances financières en retard ou proches", value, href: "/financement/echeances", tone: "alert" }];
}

export async function homeFigures(db: Db, user: CurrentUser, now = new Date()): Promise<HomeFigure[]> {
  const count = async (key: string, label: string, model: ScopedModel, where: Where, run: (w: Where) => Promise<number>, href?: string, tone?: "alert") => {
    const w = scoped(user, model, where);
    return w ? [{ key, label, value: await run(w), href, tone }] : [];
  };
  const queue = async (key: string, label: string, where: Where | null, run: (w: Where) => Promise<number>, href: string): Promise<HomeFigure[]> =>
    where ? [{ key, label, value: await run(where), href, tone: "alert" }] : [];
  const activeSeeker = { lifecycle: "ACTIVE" };
  const figures: HomeFigure[][] = [];

  switch (user.role) {
    case "PLATFORM_ASSISTANT":
    case "PLATFORM_MANAGER":
      figures.push(
        // The same rows as the « Ma journée » lists these counters open (one definition: my-day.service).
        await queue("callbacksDue", "Rappels dus aujourd'hui ou en retard", callbackQueueWhere(user, now), (w) => db.numeroVertCallback.count({ where: w }), "#day-callbacks"),
        await queue("followUpsDue", "Suivis à faire (7 jours)", followUpQueueWhere(user, now), (w) => db.followUpAction.count({ where: w }), "#day-followups"),
        await count("companies", "Entreprises", "company", {}, (w) => db.company.count({ where: w }), "/entreprises"),
        await count("openOffers", "Offres ouvertes", "offer", { status: { in: ["OPEN", "PARTIALLY_FILLED"] } }, (w) => db.jobOffer.count({ where: w })),
        await count("jobSeekers", "Demandeurs d'emploi actifs", "jobSeeker", activeSeeker, (w) => db.jobSeeker.count({ where: w })),
        await count("hiresThisMonth", "Embauches ce mois-ci", "proposal", { status: "HIRED", hiredAt: { gte: parisStartOfMonth(now) } }, (w) => db.proposal.count({ where: w })),
      );
      if (user.role === "PLATFORM_MANAGER") figures.push(await financeReminders(db, user, now));
      break;
    case "REGION_REFERENT":
      figures.push(
        await count("platforms", "Plateformes suivies", "platform", { active: true }, (w) => db.platform.count({ where: w })),
        await count("followedJobSeekers", "Demandeurs d'emploi que je suis", "jobSeeker", activeSeeker, (w) => db.jobSeeker.count({ where: w })),
        await count("openOffers", "Offres ouvertes (toutes plateformes)", "offer", { status: { in: ["OPEN", "PARTIALLY_FILLED"] } }, (w) => db.jobOffer.count({ where: w })),
        await count("companies", "Entreprises (toutes plateformes)", "company", {}, (w) => db.company.count({ where: w }), "/entreprises"),
      );
      break;
    case "REGION_FINANCE":
      figures.push(
        await count("regionFiles", "Dossiers de subvention Région", "subsidyFile", { funder: "REGION" }, (w) => db.subsidyFile.count({ where: w }), "/financement"),
        await count("ftFiles", "Dossiers France Travail", "subsidyFile", { funder: "FRANCE_TRAVAIL" }, (w) => db.subsidyFile.count({ where: w }), "/financement"),
        await count("platforms", "Plateformes", "platform", { active: true }, (w) => db.platform.count({ where: w })),
        await financeReminders(db, user, now),
      );
      break;
    case "FRANCE_TRAVAIL_REVIEWER": {
      // Aggregates only, over the projects assigned to the reviewer (scopeFor): no identities.
      const mine = { AND: [scopeFor(user, "subsidyFile") ?? { id: { in: [] } }, { funder: "FRANCE_TRAVAIL" as const }] };
      const ftFiles = await db.subsidyFile.count({ where: mine });
      const beneficiaries = await db.mobilityDiagnostic.groupBy({ by: ["jobSeekerId"], where: { subsidyFile: mine } });
      figures.push([
        { key: "ftFiles", label: "Projets France Travail qui me sont assignés", value: ftFiles, href: "/france-travail" },
        { key: "beneficiaries", label: "Bénéficiaires accompagnés (mobilité)", value: beneficiaries.length },
      ]);
      break;
    }
    case "DPO": {
      const since = new Date(now.getTime() - 30 * 86_400_000);
      figures.push([
        { key: "auditEvents", label: "Événements journalisés (30 jours)", value: await db.auditEvent.count({ where: { at: { gte: since } } }), href: "/rgpd" },
        { key: "openRights", label: "Demandes d'exercice de droits en cours", value: await db.rightsRequest.count({ where: { status: { in: ["RECEIVED", "FORWARDED", "IN_PROGRESS"] } } }) },
        { key: "openBreaches", label: "Violations de données non clôturées", value: await db.breachRecord.count({ where: { status: { not: "CLOSED" } } }) },
        { key: "archived", label: "Demandeurs d'emploi archivés", value: await db.jobSeeker.count({ where: { lifecycle: "ARCHIVED" } }) },
      ]);
      break;
    }
    case "ADMIN":
      figures.push([
        { key: "users", label: "Comptes actifs", value: await db.user.count({ where: { active: true } }), href: "/administration/utilisateurs" },
        { key: "platforms", label: "Plateformes", value: await db.platform.count() },
        { key: "ruleSets", label: "Jeux de règles versionnés", value: await db.ruleSet.count() },
      ]);
      break;
  }
  return figures.flat();
}
