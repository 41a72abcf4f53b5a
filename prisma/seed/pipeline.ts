// The job-seeker side of one platform after creation: event participations, proposals (hires
// first, so offers are settled from them), interactions, and finally the derived lastContactAt.
import { addDaysUtc } from "@/lib/calendar-day";
import type { InteractionKind, ProposalKind, ProposalStatus } from "@/lib/generated/prisma/enums";
import { ACCOMPANIMENTS, NOT_RETAINED_REASONS, REFUSAL_REASONS, TRAININGS } from "./catalog";
import type { EventMeta } from "./network";
import { settleOffer, type OfferMeta } from "./offers";
import type { SeekerMeta } from "./job-seekers";
import {
  ageAt, between, chance, faker, LatestDates, maxDate, minDate, pick, pickStaff, pickWeighted, uuid,
  type PlatformContext, type Rows, type SeedContext,
} from "./context";

type Span = { start: Date; end: Date };

/** When a person could have been positioned in [from, to]: followed, and not yet hired. */
function overlap(s: SeekerMeta, from: Date, to: Date): Span | null {
  const start = maxDate(s.first, from);
  const end = minDate(minDate(s.last, to), s.hiredAt ?? s.last);
  return start.getTime() <= end.getTime() ? { start, end } : null;
}

export function generatePipeline(
  ctx: SeedContext, p: PlatformContext, offers: OfferMeta[], seekers: SeekerMeta[], events: EventMeta[],
  proposalTarget: number, rows: Rows,
): void {
  const contacts = new LatestDates();
  addEventParticipations(ctx, events, seekers, rows, contacts);
  const proposed = new Set<string>();
  const push = (s: SeekerMeta, kind: ProposalKind, fields: ProposalFields, offer?: OfferMeta) => {
    if (offer) proposed.add(`${offer.id}:${s.id}`);
    rows.proposals.push({
      id: uuid(), platformId: p.id, jobSeekerId: s.id, kind, offerId: offer?.id ?? null,
      createdById: pickStaff(p), createdAt: fields.proposedAt, ...fields,
    });
    contacts.touch(s.id, fields.statusChangedAt);
  };

  // 1. Hires, offer by offer in time order; each person is hired at most once.
  const hires = new Map<string, Date[]>();
  for (const offer of [...offers].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const dates: Date[] = [];
    for (let k = 0; k < offer.targetHires; k++) {
      const eligible = seekers.filter((s) => !s.hiredAt && !proposed.has(`${offer.id}:${s.id}`) && overlap(s, addDaysUtc(offer.receivedAt, 5), offer.windowEnd));
      if (eligible.length === 0) break;
      const matching = eligible.filter((s) => s.desiredRomes.includes(offer.job.rome));
      const s = pick(matching.length > 0 && chance(0.8) ? matching : eligible);
      const span = overlap(s, addDaysUtc(offer.receivedAt, 5), offer.windowEnd)!;
      const hiredAt = between(span.start, span.end);
      const proposedAt = between(maxDate(s.first, offer.receivedAt), hiredAt);
      push(s, "JOB", {
        status: "HIRED", proposedAt, statusChangedAt: hiredAt, interviewAt: between(proposedAt, hiredAt),
        hiredAt, hireContractType: offer.row.contractType,
      }, offer);
      s.hiredAt = hiredAt;
      s.row.situationDuringFollowUp = "En emploi (embauche via la plateforme)";
      dates.push(hiredAt);
    }
    hires.set(offer.id, dates);
  }
  for (const offer of offers) settleOffer(ctx, offer, hires.get(offer.id) ?? []);

  // 2. Other positionings on offers that were ever open to proposals.
  const hireCount = rows.proposals.filter((r) => r.platformId === p.id).length;
  const jobTarget = Math.round(proposalTarget * 0.8) - hireCount;
  const proposable = offers.filter((o) => o.frozen !== "DRAFT");
  for (let made = 0, tries = 0; made < jobTarget && tries < jobTarget * 6 && proposable.length > 0; tries++) {
    const offer = pick(proposable);
    const end = offer.row.status === "FILLED" ? (offer.row.filledAt as Date) : offer.windowEnd;
    const eligible = seekers.filter((s) => !proposed.has(`${offer.id}:${s.id}`) && overlap(s, offer.receivedAt, end));
    if (eligible.length === 0) continue;
    const s = pick(eligible);
    const span = overlap(s, offer.receivedAt, end)!;
    push(s, "JOB", jobOutcome(offer, span), offer);
    made++;
  }

  // 3. Trainings and accompaniments.
  const otherTarget = Math.max(0, proposalTarget - rows.proposals.filter((r) => r.platformId === p.id).length);
  for (let k = 0; k < otherTarget; k++) {
    const s = pick(seekers);
    const training = chance(0.6);
    const proposedAt = between(s.first, s.hiredAt ?? s.last);
    const settled = proposedAt < addDaysUtc(ctx.now, -30);
    const status = pickWeighted<ProposalStatus>([["ACCEPTED", 55], ["REFUSED", 25], ["PROPOSED", settled ? 0 : 20]]);
    push(s, training ? "TRAINING" : "ACCOMPANIMENT", {
      label: training ? pick(TRAININGS) : pick(ACCOMPANIMENTS), status, proposedAt,
      statusChangedAt: status === "PROPOSED" ? proposedAt : between(proposedAt, s.hiredAt ?? s.last),
      refusalReason: status === "REFUSED" ? pick(["Pas disponible", "Ne correspond pas au projet", "Garde d'enfants"]) : null,
    });
  }

  addInteractions(p, seekers, rows, contacts);
  for (const s of seekers) {
    // Derived, never drawn: the latest interaction, proposal or attended event of the person.
    const latest = contacts.get(s.id);
    if (!latest) throw new Error(`Demandeur ${s.id} sans aucun contact`);
    s.row.lastContactAt = latest;
  }
  describeEventOutcomes(events, offers, rows);
}

type ProposalFields = {
  status: ProposalStatus;
  proposedAt: Date;
  statusChangedAt: Date;
  label?: string | null;
  interviewAt?: Date | null;
  hiredAt?: Date | null;
  hireContractType?: OfferMeta["row"]["contractType"] | null;
  refusalReason?: string | null;
  refusalComment?: string | null;
  notRetainedReason?: string | null;
};

/** A non-hire outcome: closed offers only leave final answers, open ones may still be pending. */
function jobOutcome(offer: OfferMeta, span: Span): ProposalFields {
  const open = offer.row.status === "OPEN" || offer.row.status === "PARTIALLY_FILLED";
  const status = pickWeighted<ProposalStatus>(
    open
      ? [["PROPOSED", 25], ["INTERVIEW", 15], ["ACCEPTED", 15], ["REFUSED", 20], ["NOT_RETAINED", 25]]
      : [["REFUSED", 35], ["NOT_RETAINED", 65]],
  );
  const proposedAt = between(span.start, span.end);
  const statusChangedAt = status === "PROPOSED" ? proposedAt : between(proposedAt, span.end);
  const interviewed = status === "INTERVIEW" || (status === "NOT_RETAINED" && chance(0.5));
  return {
    status, proposedAt, statusChangedAt,
    // A pending interview may be scheduled after today; a past one sits between the two dates.
    interviewAt: !interviewed ? null : status === "INTERVIEW" ? addDaysUtc(statusChangedAt, faker.number.int({ min: 1, max: 14 })) : between(proposedAt, statusChangedAt),
    refusalReason: status === "REFUSED" ? pick(REFUSAL_REASONS) : null,
    refusalComment: status === "REFUSED" && chance(0.3) ? "Souhaite rester sur son secteur géographique" : null,
    notRetainedReason: status === "NOT_RETAINED" ? pick(NOT_RETAINED_REASONS) : null,
  };
}

const EVENT_OUTCOMES = ["Entretien obtenu avec une entreprise", "Positionné(e) sur une offre", "Immersion proposée", "Pas de suite immédiate"];

/** Mostly young people (the circuit court's public), and only people followed at the time. */
function addEventParticipations(ctx: SeedContext, events: EventMeta[], seekers: SeekerMeta[], rows: Rows, contacts: LatestDates): void {
  const limit = ctx.operations.youngAgeLimit;
  for (const e of events) {
    if (e.status === "CANCELLED") continue;
    const held = e.status === "HELD";
    // Held: people followed at the time, or seen in the two months before (they came back for it).
    const candidates = seekers.filter((s) => s.anchorEventId !== e.id && (held ? s.first <= e.date && e.date <= addDaysUtc(s.last, 60) : s.last >= addDaysUtc(ctx.now, -45)));
    const youngPool = candidates.filter((s) => ageAt(s.birthDate, e.date) < limit);
    const others = candidates.filter((s) => ageAt(s.birthDate, e.date) >= limit);
    const n = faker.number.int({ min: 6, max: 16 });
    const nYoung = Math.min(youngPool.length, Math.round(n * 0.7));
    const chosen = [
      ...seekers.filter((s) => s.anchorEventId === e.id),
      ...faker.helpers.arrayElements(youngPool, nYoung),
      ...faker.helpers.arrayElements(others, Math.min(others.length, n - nYoung)),
    ];
    for (const s of chosen) {
      // Registrations for an upcoming event are not attendances (yet). Someone whose follow-up
      // had lapsed only appears if they came, and coming extends their follow-up to that day.
      const attended = held && (s.anchorEventId === e.id || e.date > s.last || chance(0.88));
      if (attended) s.last = maxDate(s.last, e.date);
      rows.eventJobSeekers.push({
        eventId: e.id, jobSeekerId: s.id, attended, attendance: attended ? "PRESENT" : held ? "ABSENT" : "REGISTERED", young: ageAt(s.birthDate, e.date) < limit,
        outcome: attended ? pick(EVENT_OUTCOMES) : null,
      });
      if (attended) contacts.touch(s.id, e.date);
    }
  }
}

const FIRST_CONTACT: Record<SeekerMeta["origin"], string> = {
  NUMERO_VERT: "Appel au numéro vert, rendez-vous fixé",
  CIRCUIT_COURT: "Rencontre lors du circuit court",
  OFFRE: "Candidature reçue sur une offre de la plateforme",
  PARTENAIRE: "Orientation par un partenaire, premier entretien",
  SPONTANE: "Premier entretien : présentation du dispositif",
  AUTRE: "Premier entretien",
  FORMULAIRE_EN_LIGNE: "Rappel après une demande déposée en ligne",
};

/** First contact (when the person was informed of the processing), some follow-ups, and the last contact. */
function addInteractions(p: PlatformContext, seekers: SeekerMeta[], rows: Rows, contacts: LatestDates): void {
  for (const s of seekers) {
    const list: { kind: InteractionKind; at: Date; summary: string }[] = [
      { kind: s.origin === "NUMERO_VERT" ? "APPEL" : "RENCONTRE", at: s.first, summary: FIRST_CONTACT[s.origin] },
    ];
    const middle = faker.number.int({ min: 0, max: 2 });
    for (let k = 0; k < middle; k++) {
      list.push({ kind: pick(["APPEL", "EMAIL", "RENCONTRE"] as const), at: between(s.first, s.last), summary: "Point d'étape sur les démarches" });
    }
    if (s.last.getTime() - s.first.getTime() > 3_600_000) {
      const employed = s.hiredAt !== null && s.hiredAt <= s.last;
      list.push({
        kind: pick(["APPEL", "RENCONTRE"] as const), at: s.last,
        summary: employed ? "Suivi dans l'emploi : point avec la personne" : "Point de situation et actualisation du projet",
      });
    }
    for (const it of list) {
      rows.jobSeekerInteractions.push({
        id: uuid(), platformId: p.id, jobSeekerId: s.id, kind: it.kind, at: it.at, summary: it.summary,
        authorId: pickStaff(p), createdAt: it.at,
      });
      contacts.touch(s.id, it.at);
    }
  }
}

function describeEventOutcomes(events: EventMeta[], offers: OfferMeta[], rows: Rows): void {
  for (const e of events) {
    if (e.status !== "HELD") continue;
    const people = rows.eventJobSeekers.filter((r) => r.eventId === e.id && r.attended);
    const eventOffers = new Set(offers.filter((o) => o.row.eventId === e.id).map((o) => o.id));
    const positionings = rows.proposals.filter((r) => r.offerId && eventOffers.has(r.offerId));
    const hired = positionings.filter((r) => r.status === "HIRED").length;
    const young = people.filter((r) => r.young).length;
    e.row.outcomes = [
      plural(e.attendingCompanies.length, "entreprise", "entreprises"),
      `${plural(people.length, "demandeur d'emploi", "demandeurs d'emploi")} (dont ${plural(young, "jeune", "jeunes")})`,
      plural(eventOffers.size, "offre recueillie", "offres recueillies"),
      plural(positionings.length, "positionnement", "positionnements"),
      plural(hired, "embauche", "embauches"),
    ].join(", ");
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}
