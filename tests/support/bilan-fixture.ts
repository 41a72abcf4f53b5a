// A month of known activity (March 2026) on a "Lens" platform, plus noise around it (other month,
// other platform, drafts, a planned event), so every indicator has one hand-computed value.
import type { Db } from "@/lib/db";
import { createCompany, createPlatform, createRuleSets } from "@/tests/factories";

const d = (iso: string) => new Date(iso);

export const MARCH = "2026-03";

/** Expected figures of Lens for March 2026, computed by hand from the rows below. */
export const EXPECTED_MARCH: Record<string, number | null> = {
  companiesContacted: 3, // A (visits), B (call + callback attempt), C (callback attempts); E's call is 1 April in Paris
  companiesVisited: 1, // A, visited twice
  callbacksDone: 2, // C (first attempt 5 days after), B (1 day after)
  callbackMedianDelayDays: 3, // median of 5 and 1
  callbacksOverdue: 2, // C (called after its due date), A (never called)
  intakeNumeroVert: 3, // calls received on 1, 10 and 20 March (C, B, A)
  intakeOnlineCompanies: 0,
  intakeOnlinePersons: 0,
  offersCollected: 3, // O1, O2, O5 (O3 came in February, O4 is a draft)
  offersHiddenMarket: 1, // O1
  offersContract_CDI: 2,
  offersContract_CDD: 1,
  offersContract_ALTERNANCE: 0,
  offersContract_APPRENTISSAGE: 0,
  offersContract_INTERIM: 0,
  offersContract_CONTRAT_AIDE: 0,
  offersContract_AUTRE: 0,
  positionsOffered: 4, // 2 + 1 + 1
  positionsFilled: 3, // hires on an offer: P1, P2, P6
  offersFilled: 1, // O1
  offersCancelled: 1, // O2
  offersExpired: 1, // O3
  jobSeekersReceived: 3, // J1, J2, J3 (J4 in February)
  jobSeekersYoung: 1, // J1 (25); J3 turns 26 on the day she registers
  proposalsJob: 3, // P1, P2, P5
  proposalsTraining: 1, // P3
  proposalsAccompaniment: 1, // P4
  proposalsAccepted: 3, // P1, P2 (hired), P4
  proposalsRefused: 1, // P3
  proposalsNotRetained: 1, // P5
  hires: 3, // P1, P2, P6 (proposed in February, hired in March)
  hiresContract_CDI: 2,
  hiresContract_CDD: 0,
  hiresContract_ALTERNANCE: 0,
  hiresContract_APPRENTISSAGE: 0,
  hiresContract_INTERIM: 1,
  hiresContract_CONTRAT_AIDE: 0,
  hiresContract_AUTRE: 0,
  eventsHeld: 1, // EV1 (EV2 only planned)
  eventJobSeekerParticipants: 2, // J1, J2 attended; J3 did not come
  eventYoungParticipants: 1, // J1
  eventCompanies: 2, // A, B
  eventHires: 1, // P2 on O5, collected at EV1
  chefsDeFileActive: 1, // CF1 (CF2 starts in April, CF3 withdrawn)
  governanceMeetingsHeld: 2,
  governanceMeetingsRequired: 0.42, // (3 coprésidences + 2 pôles dirigeants) / 12
};

export async function buildMarchFixture(db: Db) {
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  const [a, b, c, e] = [await createCompany(db, lens.id), await createCompany(db, lens.id), await createCompany(db, lens.id), await createCompany(db, lens.id)];
  const z = await createCompany(db, amiens.id);
  const P = lens.id;

  await db.visit.createMany({ data: [
    { platformId: P, companyId: a.id, date: d("2026-03-10T09:00:00Z"), purpose: "Découverte" },
    { platformId: P, companyId: a.id, date: d("2026-03-17T09:00:00Z"), purpose: "Suivi" },
    { platformId: amiens.id, companyId: z.id, date: d("2026-03-10T09:00:00Z"), purpose: "Découverte" },
  ] });
  await db.companyInteraction.createMany({ data: [
    { platformId: P, companyId: b.id, kind: "APPEL", at: d("2026-03-12T10:00:00Z"), summary: "Appel" },
    { platformId: P, companyId: c.id, kind: "NOTE", at: d("2026-03-12T10:00:00Z"), summary: "Note interne" },
    // 31 March 22:30 UTC is 1 April 00:30 in Paris: an April contact.
    { platformId: P, companyId: e.id, kind: "APPEL", at: d("2026-03-31T22:30:00Z"), summary: "Appel tardif" },
  ] });
  const cbC = await db.numeroVertCallback.create({ data: { platformId: P, companyId: c.id, receivedAt: d("2026-03-01T09:00:00Z"), dueAt: d("2026-03-04T09:00:00Z"), status: "JOINT" } });
  const cbB = await db.numeroVertCallback.create({ data: { platformId: P, companyId: b.id, receivedAt: d("2026-03-10T09:00:00Z"), dueAt: d("2026-03-13T09:00:00Z"), status: "JOINT" } });
  await db.numeroVertCallback.create({ data: { platformId: P, companyId: a.id, receivedAt: d("2026-03-20T09:00:00Z"), dueAt: d("2026-03-23T09:00:00Z") } });
  await db.callbackAttempt.createMany({ data: [
    { callbackId: cbC.id, at: d("2026-03-06T09:00:00Z"), outcome: "INJOIGNABLE" },
    { callbackId: cbC.id, at: d("2026-03-07T09:00:00Z"), outcome: "JOINT" },
    { callbackId: cbB.id, at: d("2026-03-11T09:00:00Z"), outcome: "JOINT" },
  ] });

  const ev1 = await db.circuitCourtEvent.create({ data: { platformId: P, title: "Circuit court BTP", date: d("2026-03-15T13:00:00Z"), place: "Lens", status: "HELD" } });
  await db.circuitCourtEvent.create({ data: { platformId: P, title: "Forum à venir", date: d("2026-03-20T13:00:00Z"), place: "Liévin", status: "PLANNED" } });

  const offer = (x: { title: string; contractType: "CDI" | "CDD" | "INTERIM"; hiddenMarket?: boolean; positions: number; receivedAt: string; status: "OPEN" | "FILLED" | "CANCELLED" | "EXPIRED" | "DRAFT"; filledAt?: string; closedAt?: string; eventId?: string; platformId?: string; companyId?: string }) =>
    db.jobOffer.create({ data: {
      platformId: x.platformId ?? P, companyId: x.companyId ?? a.id, title: x.title, contractType: x.contractType, hiddenMarket: x.hiddenMarket ?? false,
      positions: x.positions, receivedAt: d(x.receivedAt), status: x.status, source: "VISITE", eventId: x.eventId,
      filledAt: x.filledAt ? d(x.filledAt) : null, closedAt: x.closedAt ? d(x.closedAt) : null,
    } });
  const o1 = await offer({ title: "Maçon", contractType: "CDI", hiddenMarket: true, positions: 2, receivedAt: "2026-03-05T09:00:00Z", status: "FILLED", filledAt: "2026-03-25T09:00:00Z" });
  const o2 = await offer({ title: "Cariste", contractType: "CDD", positions: 1, receivedAt: "2026-03-06T09:00:00Z", status: "CANCELLED", closedAt: "2026-03-20T09:00:00Z" });
  const o3 = await offer({ title: "Manutentionnaire", contractType: "INTERIM", hiddenMarket: true, positions: 3, receivedAt: "2026-02-15T09:00:00Z", status: "EXPIRED", closedAt: "2026-03-15T09:00:00Z" });
  await offer({ title: "Brouillon", contractType: "CDI", positions: 5, receivedAt: "2026-03-07T09:00:00Z", status: "DRAFT" });
  const o5 = await offer({ title: "Électricien", contractType: "CDI", positions: 1, receivedAt: "2026-03-08T09:00:00Z", status: "OPEN", eventId: ev1.id });
  await offer({ title: "Hors plateforme", contractType: "CDI", positions: 7, receivedAt: "2026-03-08T09:00:00Z", status: "OPEN", platformId: amiens.id, companyId: z.id });

  const seeker = (x: { createdAt: string; birthDate: string; rsa?: boolean; rqth?: boolean; platformId?: string }) =>
    db.jobSeeker.create({ data: {
      platformId: x.platformId ?? P, lastName: "Nom", firstName: "Prénom", birthDate: d(x.birthDate), rsa: x.rsa ?? false, rqth: x.rqth ?? false,
      origin: "SPONTANE", lastContactAt: d(x.createdAt), createdAt: d(x.createdAt),
    } });
  const j1 = await seeker({ createdAt: "2026-03-02T09:00:00Z", birthDate: "2001-01-01", rsa: true });
  const j2 = await seeker({ createdAt: "2026-03-03T09:00:00Z", birthDate: "1990-05-05", rqth: true });
  const j3 = await seeker({ createdAt: "2026-03-04T09:00:00Z", birthDate: "2000-03-04" });
  const j4 = await seeker({ createdAt: "2026-02-01T09:00:00Z", birthDate: "2004-01-01" });
  await seeker({ createdAt: "2026-03-04T09:00:00Z", birthDate: "2004-01-01", platformId: amiens.id });

  const proposal = (x: { jobSeekerId: string; kind: "JOB" | "TRAINING" | "ACCOMPANIMENT"; offerId?: string; status: "HIRED" | "REFUSED" | "ACCEPTED" | "NOT_RETAINED"; proposedAt: string; hiredAt?: string; hireContractType?: "CDI" | "INTERIM" }) =>
    db.proposal.create({ data: {
      platformId: P, jobSeekerId: x.jobSeekerId, kind: x.kind, offerId: x.offerId, status: x.status, proposedAt: d(x.proposedAt),
      statusChangedAt: d(x.hiredAt ?? x.proposedAt), hiredAt: x.hiredAt ? d(x.hiredAt) : null, hireContractType: x.hireContractType,
    } });
  await proposal({ jobSeekerId: j1.id, kind: "JOB", offerId: o1.id, status: "HIRED", proposedAt: "2026-03-05T10:00:00Z", hiredAt: "2026-03-25T09:00:00Z", hireContractType: "CDI" });
  await proposal({ jobSeekerId: j2.id, kind: "JOB", offerId: o5.id, status: "HIRED", proposedAt: "2026-03-09T10:00:00Z", hiredAt: "2026-03-28T09:00:00Z", hireContractType: "CDI" });
  await proposal({ jobSeekerId: j3.id, kind: "TRAINING", status: "REFUSED", proposedAt: "2026-03-10T10:00:00Z" });
  await proposal({ jobSeekerId: j2.id, kind: "ACCOMPANIMENT", status: "ACCEPTED", proposedAt: "2026-03-11T10:00:00Z" });
  await proposal({ jobSeekerId: j3.id, kind: "JOB", offerId: o2.id, status: "NOT_RETAINED", proposedAt: "2026-03-12T10:00:00Z" });
  await proposal({ jobSeekerId: j4.id, kind: "JOB", offerId: o3.id, status: "HIRED", proposedAt: "2026-02-20T10:00:00Z", hiredAt: "2026-03-02T09:00:00Z", hireContractType: "INTERIM" });

  await db.eventJobSeekerParticipation.createMany({ data: [
    { eventId: ev1.id, jobSeekerId: j1.id, attended: true, young: true },
    { eventId: ev1.id, jobSeekerId: j2.id, attended: true, young: false },
    { eventId: ev1.id, jobSeekerId: j3.id, attended: false, young: false },
  ] });
  await db.eventCompanyParticipation.createMany({ data: [{ eventId: ev1.id, companyId: a.id }, { eventId: ev1.id, companyId: b.id }] });

  await db.chefDeFile.createMany({ data: [
    { platformId: P, sector: "BTP", since: d("2025-01-01"), active: true },
    { platformId: P, sector: "Logistique", since: d("2026-04-01"), active: true },
    { platformId: P, sector: "Industrie", since: d("2025-06-01"), active: false },
  ] });
  await db.governanceMeeting.createMany({ data: [
    { platformId: P, kind: "COPRESIDENCE", date: d("2026-03-10T14:00:00Z") },
    { platformId: P, kind: "COMITE_TECHNIQUE", date: d("2026-03-20T14:00:00Z") },
    { platformId: amiens.id, kind: "COPRESIDENCE", date: d("2026-03-10T14:00:00Z") },
  ] });
  return { lens, amiens, offers: { o1, o2, o3, o5 }, seekers: { j1, j2, j3, j4 }, events: { ev1 } };
}
