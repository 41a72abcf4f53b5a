// Companies of one platform, with their contacts, numéro-vert callbacks and timeline notes.
import { subHours } from "date-fns";
import { addDaysUtc } from "@/lib/calendar-day";
import { generateSiret } from "@/lib/rules/siret.rules";
import type { CallbackStatus, HeadcountBand, InteractionKind } from "@/lib/generated/prisma/enums";
import { CALLBACK_NEEDS, CONTACT_TITLES, SECTORS, type Sector } from "./catalog";
import type { CommuneRow } from "./territories";
import {
  between, chance, faker, frenchPhone, LatestDates, minDate, pick, pickCommune, pickStaff, pickWeighted,
  slugify, streetAddress, uuid, type PlatformContext, type Rows, type SeedContext,
} from "./context";

export type CompanyMeta = {
  id: string;
  name: string;
  sector: Sector;
  commune: CommuneRow;
  createdAt: Date;
  viaNumeroVert: boolean;
};

const HEADCOUNT: ReadonlyArray<readonly [HeadcountBand, number]> = [
  ["H0", 5], ["H1_9", 35], ["H10_49", 30], ["H50_249", 20], ["H250_999", 8], ["H1000_PLUS", 2],
];
const LEGAL_FORMS = ["SAS", "SARL", "SA", "EURL", "SASU"];
/** The first numéro-vert companies of each platform called in recently: the queue is never empty. */
const RECENT_NUMERO_VERT = 5;

export function generateCompanies(
  ctx: SeedContext, p: PlatformContext, count: number, rows: Rows, contactDates: LatestDates,
): CompanyMeta[] {
  const rng = () => faker.number.float({ min: 0, max: 1 });
  const companies: CompanyMeta[] = [];
  let recentNumeroVert = 0;
  for (let i = 0; i < count; i++) {
    const sector = pickWeighted(SECTORS.map((s) => [s, s.weight] as const));
    const commune = pickCommune(p);
    const viaNumeroVert = chance(0.15);
    const forceRecent = viaNumeroVert && recentNumeroVert < RECENT_NUMERO_VERT;
    if (forceRecent) recentNumeroVert++;
    const createdAt = forceRecent
      ? subHours(ctx.now, faker.number.int({ min: 2, max: 12 * 24 }))
      : between(ctx.windowStart, addDaysUtc(ctx.now, -3));
    let siret: string;
    do siret = generateSiret(rng);
    while (ctx.usedSirets.has(siret));
    ctx.usedSirets.add(siret);
    const base = faker.company.name();
    // faker's French names sometimes already carry a legal form ("Martin SARL").
    const name = /\b(SA|SARL|SAS|SASU|EURL|SNC|GIE|SEM|SCOP|EI)$/.test(base) ? base : `${base} ${pick(LEGAL_FORMS)}`;
    const id = uuid();
    const addressLine = streetAddress();
    const postalCode = pick(commune.postalCodes);
    rows.companies.push({
      id, platformId: p.id, siret, siren: siret.slice(0, 9), name, nafCode: pick(sector.naf), sector: sector.name,
      headcountBand: pickWeighted(HEADCOUNT), addressLine, postalCode, city: commune.name,
      inseeCode: commune.inseeCode, viaNumeroVert, numeroVertCallDate: viaNumeroVert ? createdAt : null,
      createdById: pickStaff(p), createdAt,
    });
    const meta: CompanyMeta = { id, name, sector, commune, createdAt, viaNumeroVert };
    companies.push(meta);
    addContacts(p, meta, `${addressLine}, ${postalCode} ${commune.name}`, rows);
    if (viaNumeroVert) addCallback(ctx, p, meta, rows, contactDates);
    addNotes(ctx, p, meta, rows, contactDates);
  }
  return companies;
}

function addContacts(p: PlatformContext, c: CompanyMeta, proAddress: string, rows: Rows): void {
  const domain = `${slugify(c.name).slice(0, 30)}.example`;
  const n = chance(0.35) ? 2 : 1;
  for (let k = 0; k < n; k++) {
    const sex = pick(["female", "male"] as const);
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    rows.contacts.push({
      id: uuid(), platformId: p.id, companyId: c.id, firstName, lastName, jobTitle: pick(CONTACT_TITLES),
      proAddress, proEmail: `${slugify(firstName)}.${slugify(lastName)}@${domain}`,
      proPhone: frenchPhone(p.spec.phonePrefix), createdAt: c.createdAt,
      // lastContactAt is copied from the company once every contact date is known (demo.ts).
    });
  }
}

/**
 * The callback's state follows its age: recent calls are still in the queue (some past due),
 * older ones were mostly qualified, a few stayed unreachable and a few were forgotten (overdue).
 */
function addCallback(ctx: SeedContext, p: PlatformContext, c: CompanyMeta, rows: Rows, contactDates: LatestDates): void {
  const { numeroVertCallbackDelayDays: delay, callbackMaxAttempts } = ctx.operations;
  const receivedAt = c.createdAt;
  const dueAt = addDaysUtc(receivedAt, delay);
  const ageDays = (ctx.now.getTime() - receivedAt.getTime()) / 86_400_000;
  const status: CallbackStatus =
    ageDays < 14
      ? pickWeighted([["A_RAPPELER", 70], ["JOINT", 15], ["BESOIN_QUALIFIE", 15]])
      : pickWeighted([["BESOIN_QUALIFIE", 55], ["JOINT", 15], ["INJOIGNABLE", 18], ["A_RAPPELER", 12]]);
  const attemptCount =
    status === "INJOIGNABLE" ? callbackMaxAttempts
    : status === "A_RAPPELER" ? faker.number.int({ min: 0, max: callbackMaxAttempts - 1 })
    : faker.number.int({ min: 1, max: callbackMaxAttempts });
  const callbackId = uuid();
  const assignedToId = pickStaff(p);
  let at = receivedAt;
  for (let k = 1; k <= attemptCount; k++) {
    at = minDate(addDaysUtc(at, faker.number.int({ min: k === 1 ? 0 : 1, max: delay + 2 })), ctx.now);
    const last = k === attemptCount;
    // Only the last attempt can reach someone; the earlier ones are why there was another try.
    const outcome: CallbackStatus = last && status !== "A_RAPPELER" ? status : "INJOIGNABLE";
    rows.callbackAttempts.push({
      id: uuid(), callbackId, at, byId: assignedToId, outcome,
      note: outcome === "INJOIGNABLE" ? "Messagerie, message laissé" : "Échange avec le dirigeant",
    });
    if (outcome !== "INJOIGNABLE") contactDates.touch(c.id, at);
  }
  // The callback is done once the company is reached (JOINT: no need to qualify for now) or
  // declared unreachable after the last allowed attempt; only A_RAPPELER stays in the queue.
  const closed = status !== "A_RAPPELER";
  rows.callbacks.push({
    id: callbackId, platformId: p.id, companyId: c.id, receivedAt, dueAt, status, attemptCount,
    qualifiedNeed: status === "BESOIN_QUALIFIE" ? pick(CALLBACK_NEEDS) : status === "JOINT" ? "Pas de besoin immédiat, à recontacter" : null,
    assignedToId, closedAt: closed ? at : null, createdAt: receivedAt,
  });
}

function addNotes(ctx: SeedContext, p: PlatformContext, c: CompanyMeta, rows: Rows, contactDates: LatestDates): void {
  // The first contact is on the timeline too, so the company's last contact is never empty.
  const first = c.viaNumeroVert
    ? { kind: "APPEL" as const, summary: "Appel entrant sur le numéro vert" }
    : pick([
        { kind: "RENCONTRE" as const, summary: "Premier contact lors d'une rencontre d'entreprises" },
        { kind: "APPEL" as const, summary: "Prospection téléphonique : présentation de Proch'Emploi" },
        { kind: "EMAIL" as const, summary: "Demande d'information reçue par courriel" },
      ]);
  const notes: { kind: InteractionKind; summary: string; at: Date }[] = [{ ...first, at: c.createdAt }];
  const more = faker.number.int({ min: 0, max: 2 });
  for (let k = 0; k < more; k++) {
    notes.push({
      ...pick([
        { kind: "APPEL" as const, summary: "Point téléphonique sur les recrutements à venir" },
        { kind: "EMAIL" as const, summary: "Envoi de la plaquette et du calendrier des circuits courts" },
        { kind: "NOTE" as const, summary: "Entreprise en croissance, besoins prévus au prochain trimestre" },
      ]),
      at: between(c.createdAt, ctx.now),
    });
  }
  for (const n of notes) {
    rows.companyInteractions.push({
      id: uuid(), platformId: p.id, companyId: c.id, kind: n.kind, at: n.at, summary: n.summary,
      authorId: pickStaff(p), createdAt: n.at,
    });
    // An internal note is not a contact with the company.
    if (n.kind !== "NOTE") contactDates.touch(c.id, n.at);
  }
}
