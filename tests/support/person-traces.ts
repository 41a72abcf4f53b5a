// One person, and one company contact, written into every table that can hold them — through the
// services that write there in real use (so their audit entries, revisions and import snapshots
// are the real ones), or directly where no service is involved. Used by the retention and the
// erasure-request tests, which then scan every text-like column of every table (issue 15 §1,
// issue 21 « Erasure and destruction »).
import type { CurrentUser } from "@/lib/auth/principal";
import { updateContact, createContact } from "@/lib/companies/company.service";
import { createCompanyNote } from "@/lib/companies/note.service";
import type { Db } from "@/lib/db";
import { runJobSeekerImport, previewJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { mergeJobSeekers } from "@/lib/job-seekers/job-seeker-merge.service";
import { updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { addInteraction, updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { generateDueNotifications } from "@/lib/notifications/notification.jobs";
import { createBreach } from "@/lib/rights/breach.service";
import { applyRightsAction, createRightsRequest } from "@/lib/rights/rights.service";
import { createCompany } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";

/** The person's values, each unlikely to occur anywhere by chance. Old values are the ones a rectification or an import replaced. */
export const PERSON = {
  lastName: "Quarzynski",
  firstName: "Ophélinde",
  email: "ophelinde.quarzynski@exemple.fr",
  oldEmail: "o.quarz-ancienne@exemple.fr",
  phone: "0677889911",
  /** As the forms and imports store it. */
  phoneSpaced: "06 77 88 99 11",
  franceTravailId: "9047731Q",
  birthDateIso: "1961-02-27",
  birthDateFr: "27/02/1961",
  addressLine: "7 impasse des Marqueurs",
  oldAddressLine: "3 rue Ancienne-Balise",
} as const;

export const CONTACT = {
  lastName: "Wendelbrück",
  firstName: "Isaure",
  proEmail: "isaure.wendelbruck@entreprise.fr",
  oldProEmail: "i.wendel-ancienne@entreprise.fr",
  proPhone: "0322446688",
  proPhoneSpaced: "03 22 44 66 88",
  proAddress: "12 quai des Contacts-Témoins",
} as const;

export const personMarkers = (): string[] => Object.values(PERSON);
export const contactMarkers = (): string[] => Object.values(CONTACT);

/**
 * Where the fixture puts the person's values, as `Table.column` (what the all-columns scan must
 * find before destruction: proof that the fixture fills them and that the scan sees them).
 */
export const PERSON_PLACES = [
  "BreachRecord.consequences",
  "BreachRecord.measures",
  "BreachRecord.nature",
  "CompanyInteraction.summary",
  "EventJobSeekerParticipation.outcome",
  "FollowUpAction.label",
  "ImportBatchItem.before",
  "JobSeeker.addressLine",
  "JobSeeker.birthDate",
  "JobSeeker.desiredJobLabel",
  "JobSeeker.email",
  "JobSeeker.experiences",
  "JobSeeker.firstName",
  "JobSeeker.franceTravailId",
  "JobSeeker.lastName",
  // The normalised search key (prefix search, issue 18), kept by a trigger from lastName.
  "JobSeeker.lastNameKey",
  "JobSeeker.phone",
  "JobSeeker.strengthsAndObstacles",
  "JobSeekerInteraction.summary",
  "JobSeekerRevision.before",
  "MobilityDiagnostic.solutionType",
  "Notification.title",
  "OutboxEmail.html",
  "OutboxEmail.subject",
  "OutboxEmail.text",
  "Proposal.notRetainedReason",
  "Proposal.refusalComment",
  "RightsRequest.details",
  "RightsRequest.requesterContact",
  "RightsRequest.requesterName",
  "RightsRequest.response",
  "TableExport.query",
  "Visit.notes",
];

export const CONTACT_PLACES = [
  "CallbackAttempt.note",
  "CompanyContact.firstName",
  "CompanyContact.lastName",
  "CompanyContact.proAddress",
  "CompanyContact.proEmail",
  "CompanyContact.proPhone",
  "CompanyInteraction.summary",
  "FollowUpAction.label",
  "GovernanceMeeting.attendees",
  "ImportBatchItem.before",
  "Notification.title",
  "OutboxEmail.html",
  "OutboxEmail.subject",
  "OutboxEmail.text",
];

/** Every text-like column (text, varchar, char, json, jsonb, arrays, dates) of every table, read from information_schema. */
export async function textColumns(db: Db): Promise<{ table: string; column: string }[]> {
  const cols = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'date')
    ORDER BY c.table_name, c.column_name`;
  return cols.map((c) => ({ table: c.table_name, column: c.column_name }));
}

/** `Table.column` of every text-like column holding one of `needles` (case-insensitive). */
export async function findAnywhere(db: Db, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const c of await textColumns(db)) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "public"."${c.table}" WHERE "${c.column}"::text ILIKE ANY($1::text[])`, needles.map((n) => `%${n}%`));
    if (Number(rows[0]!.n) > 0) hits.push(`${c.table}.${c.column}`);
  }
  return hits.sort();
}

/** Which needle sits in which column (for a failure message that names table, column and value). */
export async function explainTraces(db: Db, needles: readonly string[]): Promise<string[]> {
  if ((await findAnywhere(db, needles)).length === 0) return [];
  const out: string[] = [];
  for (const n of needles) for (const place of await findAnywhere(db, [n])) out.push(`${place} contient « ${n} »`);
  return out;
}

export interface SeededTraces {
  jobSeekerId: string;
  contactId: string;
  companyId: string;
  platformId: string;
  assistant: CurrentUser;
  dpo: CurrentUser;
}

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(";")).join("\n"), "utf8");

/**
 * Seeds the person and the contact everywhere. `at` is the time the services are told it is;
 * the person's and the contact's last contacts are left as the services set them.
 */
export async function seedPersonEverywhere(db: Db, platformId: string, at: Date): Promise<SeededTraces> {
  const P = PERSON;
  const C = CONTACT;
  const fullName = `${P.firstName} ${P.lastName}`;
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [platformId] });
  const dpo = await principal(db, "DPO", { allPlatforms: true });

  // The record, with its old e-mail and address (an import and a rectification replace them).
  const person = await db.jobSeeker.create({
    data: {
      platformId, civilite: "MADAME", lastName: P.lastName, firstName: P.firstName, birthDate: new Date(`${P.birthDateIso}T00:00:00Z`), email: P.oldEmail, phone: P.phone,
      franceTravailId: P.franceTravailId, addressLine: P.oldAddressLine, postalCode: "62300", city: "Lens", origin: "NUMERO_VERT", lastContactAt: at,
      informedAt: at, informedChannel: "EN_PERSONNE", experiences: `Parcours de ${fullName}`, strengthsAndObstacles: `${P.lastName} : atouts`,
    },
  });
  // A duplicate record of the same person, with a note, merged into the first one.
  const duplicate = await db.jobSeeker.create({
    data: { platformId, lastName: P.lastName, firstName: P.firstName, birthDate: new Date(`${P.birthDateIso}T00:00:00Z`), phone: P.phone, origin: "SPONTANE", lastContactAt: at, desiredJobLabel: `Cariste (${P.lastName})` },
  });
  await addInteraction(db, assistant, duplicate.id, { kind: "APPEL", at, summary: `Doublon : appel de ${fullName}` }, {}, at);
  await mergeJobSeekers(db, assistant, person.id, duplicate.id, person.version, {}, at);

  // An import that finds the person by France Travail id and updates the e-mail (undo snapshot).
  const file = csv([
    ["Nom", "Prénom", "Date de naissance", "E-mail", "Téléphone", "Identifiant France Travail"],
    [P.lastName, P.firstName, P.birthDateFr, P.email, P.phone, P.franceTravailId],
  ]);
  const defaults = { origin: "PARTENAIRE" as const, informedAt: at.toISOString().slice(0, 10), informedChannel: "EN_PERSONNE" as const };
  const preview = await previewJobSeekerImport(db, assistant, { buffer: file, defaults }, at);
  const imported = await runJobSeekerImport(db, assistant, { buffer: file, fileName: "inscrits-du-mois.csv", mapping: preview.mapping, duplicateMode: "UPDATE", defaults }, undefined, at);
  if (imported.updatedCount !== 1) throw new Error(`fixture: the import should update the person, got ${JSON.stringify({ ...imported, items: undefined })}`);

  // A rectification of the address (revision + audit).
  const current = await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } });
  await updateJobSeeker(db, assistant, person.id, updateJobSeekerSchema.parse({ version: current.version, addressLine: P.addressLine }), {}, at);

  // Follow-up: interactions, a proposal with comments, an event outcome, a diagnostic.
  await addInteraction(db, assistant, person.id, { kind: "APPEL", at, summary: `Appel de ${fullName} (${P.phone})` }, {}, at);
  const company = await createCompany(db, platformId);
  const offer = await db.jobOffer.create({ data: { platformId, companyId: company.id, title: "Cariste", contractType: "CDI", source: "VISITE", receivedAt: at } });
  await db.proposal.create({
    data: {
      platformId, jobSeekerId: person.id, kind: "JOB", offerId: offer.id, status: "NOT_RETAINED", proposedAt: at, statusChangedAt: at,
      refusalComment: `${P.lastName} préfère un poste de jour`, notRetainedReason: `Profil de ${fullName} trop éloigné`,
    },
  });
  const event = await db.circuitCourtEvent.create({ data: { platformId, title: "Job dating", date: at, place: "Lens" } });
  await db.eventJobSeekerParticipation.create({ data: { eventId: event.id, jobSeekerId: person.id, outcome: `${fullName} retenue pour un entretien` } });
  await db.mobilityDiagnostic.create({ data: { platformId, jobSeekerId: person.id, date: at, solutionType: `Vélo prêté à ${fullName}` } });

  // Rights requests: one linked to the record and answered, one received before the person was identified.
  const linked = await createRightsRequest(db, dpo, { kind: "ACCESS", requesterName: fullName, requesterContact: P.email, channel: "COURRIER", receivedAt: at, details: `Née le ${P.birthDateFr}, ${P.addressLine}`, jobSeekerId: person.id }, {}, at);
  await applyRightsAction(db, dpo, linked.id, { action: "answer", response: `Document envoyé à ${P.email}` }, {}, at);
  await createRightsRequest(db, dpo, { kind: "ACCESS", requesterName: fullName, requesterContact: `${P.phone} / ${P.email}`, channel: "TELEPHONE", receivedAt: at, details: `Identifiant ${P.franceTravailId}` }, {}, at);

  // A breach that concerned her.
  await createBreach(db, dpo, {
    detectedAt: at, nature: `Courriel concernant ${fullName} envoyé au mauvais destinataire`, dataCategories: ["identité"], peopleCategories: ["demandeurs d'emploi"],
    consequences: `Adresse ${P.email} et date de naissance ${P.birthDateFr} exposées`, measures: `Excuses présentées par téléphone au ${P.phone}`,
  }, {}, at);

  // Company side: a note and a visit that name her, a follow-up that becomes a notification and an e-mail.
  await createCompanyNote(db, assistant, company.id, { kind: "APPEL", at, summary: `Présenté ${fullName} (${P.franceTravailId}) au recruteur` }, at);
  await db.visit.create({ data: { platformId, companyId: company.id, date: at, purpose: "Recrutement", notes: `Candidature de ${P.lastName} remise` } });
  await db.notificationPreference.create({ data: { userId: assistant.id, kind: "followUp.due", inApp: true, email: true, digest: false } });
  await db.followUpAction.create({ data: { platformId, companyId: company.id, label: `Rappeler ${fullName} au 06 77 88 99 11`, dueAt: new Date(at.getTime() + 3600_000), assignedToId: assistant.id } });
  // A list export whose search was her name.
  await db.tableExport.create({ data: { userId: assistant.id, list: "job-seekers", format: "csv", query: { q: P.lastName, page: 1 }, expiresAt: new Date(at.getTime() + 86_400_000) } });

  // The company contact: created and corrected through the services, named in notes, a meeting, a call, a follow-up, an import snapshot.
  const contactCompany = await createCompany(db, platformId);
  const contact = await createContact(db, assistant, contactCompany.id, { lastName: C.lastName, firstName: C.firstName, jobTitle: "DRH", proEmail: C.oldProEmail, proPhone: C.proPhone, proAddress: C.proAddress });
  await updateContact(db, assistant, contactCompany.id, contact.id, { lastName: C.lastName, firstName: C.firstName, jobTitle: "DRH", proEmail: C.proEmail, proPhone: C.proPhone, proAddress: C.proAddress, version: 1 });
  const contactName = `${C.firstName} ${C.lastName}`;
  await createCompanyNote(db, assistant, contactCompany.id, { kind: "APPEL", at, summary: `Échange avec ${contactName} (${C.proEmail})` }, at);
  await db.followUpAction.create({ data: { platformId, companyId: contactCompany.id, label: `Envoyer le devis à ${contactName}`, dueAt: new Date(at.getTime() + 7200_000), assignedToId: assistant.id } });
  await db.governanceMeeting.create({ data: { platformId, kind: "COMITE_TECHNIQUE", date: at, attendees: [contactName, "Élu régional"] } });
  const callback = await db.numeroVertCallback.create({ data: { platformId, companyId: contactCompany.id, receivedAt: at, dueAt: at } });
  await db.callbackAttempt.create({ data: { callbackId: callback.id, at, outcome: "JOINT", note: `Joint ${C.lastName} au 03 22 44 66 88` } });
  const batch = await db.importBatch.create({ data: { platformId, kind: "COMPANIES", fileName: "entreprises.csv", mapping: {}, duplicateMode: "UPDATE", status: "DONE" } });
  await db.importBatchItem.create({ data: { batchId: batch.id, entityType: "CompanyContact", entityId: contact.id, action: "updated", before: { proEmail: C.oldProEmail, lastName: C.lastName } } });

  // The notifications and their e-mails, built by the job from the follow-ups.
  await generateDueNotifications(db, at);
  return { jobSeekerId: person.id, contactId: contact.id, companyId: contactCompany.id, platformId, assistant, dpo };
}
