// Writes the generated rows with createMany, model by model in foreign-key order, in batches.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Rows } from "./context";

type Tx = Prisma.TransactionClient;
type Inserter<K extends keyof Rows> = (tx: Tx, data: Rows[K]) => Promise<{ count: number }>;

/** Keeps every statement well under PostgreSQL's 65 535 bind parameters, even for wide tables. */
const BATCH = 500;

// Key order is insertion order: parents before children.
const INSERTERS: { [K in keyof Rows]: Inserter<K> } = {
  // Reference data may already be loaded by another tool: keep what is there.
  communes: (tx, data) => tx.commune.createMany({ data, skipDuplicates: true }),
  platforms: (tx, data) => tx.platform.createMany({ data }),
  users: (tx, data) => tx.user.createMany({ data }),
  memberships: (tx, data) => tx.platformMembership.createMany({ data }),
  companies: (tx, data) => tx.company.createMany({ data }),
  contacts: (tx, data) => tx.companyContact.createMany({ data }),
  callbacks: (tx, data) => tx.numeroVertCallback.createMany({ data }),
  intakeRequests: (tx, data) => tx.intakeRequest.createMany({ data }),
  callbackAttempts: (tx, data) => tx.callbackAttempt.createMany({ data }),
  companyInteractions: (tx, data) => tx.companyInteraction.createMany({ data }),
  visits: (tx, data) => tx.visit.createMany({ data }),
  visitStaff: (tx, data) => tx.visitStaff.createMany({ data }),
  followUps: (tx, data) => tx.followUpAction.createMany({ data }),
  chefsDeFile: (tx, data) => tx.chefDeFile.createMany({ data }),
  events: (tx, data) => tx.circuitCourtEvent.createMany({ data }),
  eventCompanies: (tx, data) => tx.eventCompanyParticipation.createMany({ data }),
  eventChefsDeFile: (tx, data) => tx.eventChefDeFileParticipation.createMany({ data }),
  offers: (tx, data) => tx.jobOffer.createMany({ data }),
  jobSeekers: (tx, data) => tx.jobSeeker.createMany({ data }),
  eventJobSeekers: (tx, data) => tx.eventJobSeekerParticipation.createMany({ data }),
  proposals: (tx, data) => tx.proposal.createMany({ data }),
  jobSeekerInteractions: (tx, data) => tx.jobSeekerInteraction.createMany({ data }),
  governanceMeetings: (tx, data) => tx.governanceMeeting.createMany({ data }),
  subsidyFiles: (tx, data) => tx.subsidyFile.createMany({ data }),
  subsidyFileEvents: (tx, data) => tx.subsidyFileEvent.createMany({ data }),
  budgetLines: (tx, data) => tx.budgetLine.createMany({ data }),
  ftIndicators: (tx, data) => tx.ftIndicator.createMany({ data }),
  conventionIndicators: (tx, data) => tx.conventionIndicator.createMany({ data }),
  tranches: (tx, data) => tx.tranche.createMany({ data }),
  payments: (tx, data) => tx.payment.createMany({ data }),
  diagnostics: (tx, data) => tx.mobilityDiagnostic.createMany({ data }),
  annualReports: (tx, data) => tx.annualReport.createMany({ data }),
};

async function insertOne<K extends keyof Rows>(tx: Tx, key: K, rows: Rows[K]): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    count += (await INSERTERS[key](tx, rows.slice(i, i + BATCH) as Rows[K])).count;
  }
  return count;
}

/** Inserts everything and returns the number of rows written per model. */
export async function insertRows(tx: Tx, rows: Rows): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const key of Object.keys(INSERTERS) as (keyof Rows)[]) {
    counts[key] = await insertOne(tx, key, rows[key]);
  }
  return counts;
}
