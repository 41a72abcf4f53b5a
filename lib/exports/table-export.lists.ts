import "server-only";
// The lists whose current view (filters + sort) can be exported. Each reads its rows through the
// SAME function as its screen and its API (so the file equals what the user sees), in batches.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Action } from "@/lib/authz/policy";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import type { Db } from "@/lib/db";
import { listEvents } from "@/lib/events/event.service";
import { eventListQuerySchema } from "@/lib/events/event.schema";
import { listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { listOffers } from "@/lib/offers/offer.query";
import { offerListQuerySchema } from "@/lib/offers/offer.schema";
import { listVisits } from "@/lib/visits/visit.service";
import { visitListQuerySchema } from "@/lib/visits/visit.schema";
import { EXPORT_LIST_KEYS, type ExportListKey } from "@/lib/exports/table-export.schema";
import { prospectListQuerySchema } from "@/lib/prospecting/prospect.schema";
import { listProspectsFor } from "@/lib/prospecting/prospect.service";
import { headcountLabel } from "@/lib/sirene/sirene-file.rules";
import { parisToday } from "@/lib/paris-day";

export type Cell = string | number | null;

export interface ExportList {
  key: ExportListKey;
  label: string;
  /** The permission of the list itself (checked on top of tableExport.run). */
  permission: Action;
  /** The list's own query schema: the same filters and sort as its screen. */
  querySchema: z.ZodObject;
  headers: string[];
  /**
   * The file holds identities (name, birth date, contact): only the roles of IDENTITY_EXPORT_ROLES
   * ("identityExport.run"), with a stated purpose, audited (issue 22 §6).
   */
  identities?: true;
  /** One page of rows in the list's order, and the list's total; `purpose` is the stated one, for the read's audit. */
  page(db: Db, user: CurrentUser, query: Record<string, unknown>, page: number, pageSize: number, now: Date, purpose?: string): Promise<{ rows: Cell[][]; total: number }>;
}

const yesNo = (b: boolean) => (b ? "oui" : "non");
// The Paris day of a value: an instant (last contact, a visit with its hour) falls on its Paris day,
// not its UTC day; a calendar day (midnight UTC) stays itself.
const day = (iso: string | Date | null) => (iso ? parisToday(new Date(iso)) : null);

export const EXPORT_LISTS: Record<ExportListKey, ExportList> = {
  companies: {
    key: "companies", label: "Entreprises", permission: "company.read", querySchema: companyListQuerySchema,
    headers: ["Plateforme", "SIRET", "Raison sociale", "Filière", "Commune", "Numéro vert", "Offres ouvertes", "Dernier contact"],
    async page(db, user, query, page, pageSize, now) {
      const r = await listCompanies(db, user, companyListQuerySchema.parse({ ...query, page, pageSize }), now);
      return { total: r.total, rows: r.items.map((c) => [c.platform, c.siret, c.name, c.sector, c.city, yesNo(c.numeroVert), c.openOffers, day(c.lastContactAt)]) };
    },
  },
  offers: {
    key: "offers", label: "Offres d'emploi", permission: "offer.read", querySchema: offerListQuerySchema,
    headers: ["Reçue le", "Intitulé", "Entreprise", "Code ROME", "Contrat", "Lieu", "Postes", "Postes pourvus", "Marché caché", "État"],
    async page(db, user, query, page, pageSize, now) {
      const r = await listOffers(db, user, offerListQuerySchema.parse({ ...query, page, pageSize }), now);
      return { total: r.total, rows: r.items.map((o) => [day(o.receivedAt), o.title, o.company, o.romeCode, o.contractType, o.place, o.positions, o.positionsFilled, yesNo(o.hiddenMarket), o.status]) };
    },
  },
  jobSeekers: {
    key: "jobSeekers", label: "Demandeurs d'emploi", permission: "jobSeeker.read", querySchema: jobSeekerListQuerySchema, identities: true,
    headers: ["Plateforme", "Nom", "Prénom", "Date de naissance", "Identifiant France Travail", "Courriel", "Téléphone", "Commune", "Origine", "Dernier contact"],
    async page(db, user, query, page, pageSize, _now, purpose) {
      // Archived and destroyed people never appear: the list reads the active base only (and audits the read, with the stated purpose).
      const r = await listJobSeekers(db, user, jobSeekerListQuerySchema.parse({ ...query, page, pageSize }), { purpose: `Export de la liste des demandeurs d'emploi${purpose ? ` — ${purpose}` : ""}` });
      return { total: r.total, rows: r.items.map((j) => [j.platform, j.lastName, j.firstName, j.birthDate, j.franceTravailId, j.email, j.phone, j.city, j.origin, day(j.lastContactAt)]) };
    },
  },
  visits: {
    key: "visits", label: "Visites d'entreprise", permission: "visit.read", querySchema: visitListQuerySchema,
    headers: ["Date", "Entreprise", "Objet", "Besoins", "Intervenants"],
    async page(db, user, query, page, pageSize, now) {
      const r = await listVisits(db, user, visitListQuerySchema.parse({ ...query, page, pageSize }), now);
      return { total: r.total, rows: r.items.map((v) => [day(v.date), v.company, v.purpose, v.needs.join(", "), v.staff.map((s) => s.name).join(", ")]) };
    },
  },
  events: {
    key: "events", label: "Événements circuit court", permission: "event.read", querySchema: eventListQuerySchema,
    headers: ["Date", "Plateforme", "Type", "Intitulé", "Lieu", "Thème", "Filière", "État", "Capacité", "Inscrits", "Liste d'attente"],
    async page(db, user, query, page, pageSize) {
      const r = await listEvents(db, user, eventListQuerySchema.parse({ ...query, page, pageSize }));
      return { total: r.total, rows: r.items.map((e) => [day(e.date), e.platform, e.kind, e.title, e.place, e.theme, e.sector, e.status, e.capacity, e.registered, e.waitlisted]) };
    },
  },
  prospects: {
    key: "prospects", label: "Prospection (répertoire SIRENE)", permission: "company.read", querySchema: prospectListQuerySchema,
    headers: ["Rang", "Score (sur 100)", "SIRET", "Établissement", "Code NAF", "Activité", "Effectif", "Adresse", "Code postal", "Commune", "Distance médiane aux demandeurs (km)", "Pourquoi", "Suivie par la plateforme", "Dernier contact"],
    async page(db, user, query, page, pageSize, now) {
      const r = await listProspectsFor(db, user, prospectListQuerySchema.parse({ ...query, page, pageSize }), now);
      return {
        total: r.total,
        rows: r.items.map((e, i) => [
          (page - 1) * pageSize + i + 1, Math.round(e.score * 10) / 10, e.siret, e.name, e.nafCode, e.nafLabel, headcountLabel(e.headcountCode), e.addressLine, e.postalCode, e.city,
          e.distanceKm === null ? null : Math.round(e.distanceKm * 10) / 10, e.reasons.join(" ; "), yesNo(e.companyId !== null), day(e.lastContactAt),
        ]),
      };
    },
  },
};

export function exportList(key: string): ExportList | null {
  return (EXPORT_LIST_KEYS as readonly string[]).includes(key) ? EXPORT_LISTS[key as ExportListKey] : null;
}
