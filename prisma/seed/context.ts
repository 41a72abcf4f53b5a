// Shared state and helpers of the demo seed generators. Every generator draws from the one
// seeded faker, in a fixed order, so the same `now` always yields the same data set.
import { fakerFR as faker } from "@faker-js/faker";
import { addDaysUtc, differenceInYearsUtc } from "@/lib/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OperationsRules } from "@/lib/rules/rule-set.schema";
import type { CommuneRow, PlatformSpec } from "./territories";

export { faker };

export type SeedContext = {
  now: Date;
  /** Oldest activity date: the demo covers the 24 months before `now`. */
  windowStart: Date;
  operations: OperationsRules;
  /** Région referent who follows the job seekers who called the numéro vert. */
  referentId: string;
  /** SIRETs already handed out, so no two demo companies share one. */
  usedSirets: Set<string>;
};

export type PlatformContext = {
  id: string;
  spec: PlatformSpec;
  communes: CommuneRow[];
  /** Ids of the platform's own staff accounts (may be empty: not every demo platform has users). */
  staffIds: string[];
  coPresidents: string[];
};

/** Every row the seed writes, grouped by model and inserted in this (foreign-key) order. */
export type Rows = {
  communes: Prisma.CommuneCreateManyInput[];
  platforms: Prisma.PlatformCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  memberships: Prisma.PlatformMembershipCreateManyInput[];
  companies: Prisma.CompanyCreateManyInput[];
  contacts: Prisma.CompanyContactCreateManyInput[];
  callbacks: Prisma.NumeroVertCallbackCreateManyInput[];
  /** Public-form requests (issue 23): after the companies and callbacks they point to. */
  intakeRequests: Prisma.IntakeRequestCreateManyInput[];
  callbackAttempts: Prisma.CallbackAttemptCreateManyInput[];
  companyInteractions: Prisma.CompanyInteractionCreateManyInput[];
  visits: Prisma.VisitCreateManyInput[];
  visitStaff: Prisma.VisitStaffCreateManyInput[];
  followUps: Prisma.FollowUpActionCreateManyInput[];
  chefsDeFile: Prisma.ChefDeFileCreateManyInput[];
  events: Prisma.CircuitCourtEventCreateManyInput[];
  eventCompanies: Prisma.EventCompanyParticipationCreateManyInput[];
  eventChefsDeFile: Prisma.EventChefDeFileParticipationCreateManyInput[];
  offers: Prisma.JobOfferCreateManyInput[];
  jobSeekers: Prisma.JobSeekerCreateManyInput[];
  eventJobSeekers: Prisma.EventJobSeekerParticipationCreateManyInput[];
  proposals: Prisma.ProposalCreateManyInput[];
  jobSeekerInteractions: Prisma.JobSeekerInteractionCreateManyInput[];
  governanceMeetings: Prisma.GovernanceMeetingCreateManyInput[];
  subsidyFiles: Prisma.SubsidyFileCreateManyInput[];
  /** Steps recorded in a file's history (the signed Région convention's amendment). */
  subsidyFileEvents: Prisma.SubsidyFileEventCreateManyInput[];
  budgetLines: Prisma.BudgetLineCreateManyInput[];
  ftIndicators: Prisma.FtIndicatorCreateManyInput[];
  /** Issue 22 §4: indicators chosen by each Région annual convention, with their targets. */
  conventionIndicators: Prisma.ConventionIndicatorCreateManyInput[];
  tranches: Prisma.TrancheCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  diagnostics: Prisma.MobilityDiagnosticCreateManyInput[];
  /** Issue 22 §4: last year's annual report (qualitative bilan) of the platforms whose Région request is filed. */
  annualReports: Prisma.AnnualReportCreateManyInput[];
};

export function emptyRows(): Rows {
  return {
    communes: [], platforms: [], users: [], memberships: [], companies: [], contacts: [], callbacks: [], intakeRequests: [],
    callbackAttempts: [], companyInteractions: [], visits: [], visitStaff: [], followUps: [], chefsDeFile: [],
    events: [], eventCompanies: [], eventChefsDeFile: [], offers: [], jobSeekers: [], eventJobSeekers: [],
    proposals: [], jobSeekerInteractions: [], governanceMeetings: [], subsidyFiles: [], subsidyFileEvents: [], budgetLines: [], ftIndicators: [],
    conventionIndicators: [], tranches: [], payments: [], diagnostics: [], annualReports: [],
  };
}

export const uuid = (): string => faker.string.uuid();

/** A random instant in [from, to]; collapses to `from` when the range is empty. */
export function between(from: Date, to: Date): Date {
  if (to.getTime() <= from.getTime()) return new Date(from);
  return faker.date.between({ from, to });
}

/** Calendar date (UTC midnight) for `@db.Date` columns. */
export function dayOf(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function ageAt(birthDate: Date, at: Date): number {
  return differenceInYearsUtc(at, birthDate);
}

export function chance(probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}

export function pick<T>(list: readonly T[]): T {
  return faker.helpers.arrayElement(list);
}

export function pickWeighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
  // Zero weights are allowed here (an option switched off), faker refuses them.
  return faker.helpers.weightedArrayElement(entries.filter(([, w]) => w > 0).map(([value, weight]) => ({ value, weight })));
}

/** Roughly `n` (±10 %) so the platforms do not all show identical totals. */
export function about(n: number): number {
  return faker.number.int({ min: Math.round(n * 0.9), max: Math.round(n * 1.1) });
}

/** A commune of the platform's perimeter, weighted by population (where people actually are). */
export function pickCommune(p: PlatformContext): CommuneRow {
  return pickWeighted(p.communes.map((c) => [c, c.population] as const));
}

export function pickStaff(p: PlatformContext): string | null {
  return p.staffIds.length > 0 ? pick(p.staffIds) : null;
}

export function frenchPhone(prefix: string): string {
  const pair = () => String(faker.number.int({ min: 0, max: 99 })).padStart(2, "0");
  return `${prefix} ${pair()} ${pair()} ${pair()}`;
}

export function mobilePhone(): string {
  return frenchPhone(`0${pick(["6", "7"])} ${String(faker.number.int({ min: 10, max: 99 }))}`);
}

/** French street numbers are small; faker's en-style numbers run into the thousands. */
export function streetAddress(): string {
  return `${faker.number.int({ min: 1, max: 180 })}${chance(0.08) ? " bis" : ""} ${faker.location.street()}`;
}

/** ASCII slug for e-mail local parts and domains. */
export function slugify(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Keeps, per id, the latest date seen: lastContactAt is derived from these, never drawn. */
export class LatestDates {
  private readonly map = new Map<string, Date>();

  touch(id: string, at: Date | null | undefined): void {
    if (!at) return;
    const prev = this.map.get(id);
    if (!prev || at.getTime() > prev.getTime()) this.map.set(id, at);
  }

  get(id: string): Date | undefined {
    return this.map.get(id);
  }
}

export function daysAfter(d: Date, min: number, max: number): Date {
  return addDaysUtc(d, faker.number.int({ min, max }));
}
