// The summary header of a subsidy file (issue 17 §3): the next step and who takes it, what is
// left to pay, the next deadline, and the file's story told from its stored transitions and
// payments. Pure: the file's data in, plain values out.
import type { SubsidyStatusName } from "@/lib/subsidy/subsidy-workflow.rules";

export interface NextStep {
  text: string;
  /** Who acts: « la plateforme », « la Région (finances) », « France Travail »… null when nothing is left. */
  who: string | null;
  /** What comes after and must not be forgotten (the activity bilan before any payment), or absent. */
  then?: string;
  /** The part of the file where the step is taken (an anchor of /financement/[id]), or absent. */
  anchor?: "demande" | "echeances";
}

/** What the next step of a Région file depends on beyond its status (issue 22 §4). */
export interface NextStepFacts {
  /** The annual request (convention cadre art. 5): the labels of the elements still missing. Null for France Travail. */
  annualRequest?: { missing: string[] } | null;
  /** Cadre d'intervention §5: payment waits for the activity bilan (rule set), and whether its date is recorded. */
  activityBilan?: { required: boolean; missing: boolean };
}

const ANNUAL_REQUEST_SECTION = "« Demande annuelle (art. 5) »";
const BILAN_BEFORE_PAYMENT =
  "Avant tout versement, la Région (finances) enregistre la date de réception du bilan d'activité de la plateforme (« Pièces et échéances » ; cadre d'intervention §5 : « Le paiement de la subvention se fera sur présentation d'un bilan d'activité »)";

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** While the platform prepares (or corrects) a Région request: the annual request section first. */
function requestStep(corrected: boolean, facts: NextStepFacts): NextStep {
  const missing = facts.annualRequest?.missing ?? [];
  const bilan = facts.activityBilan?.required && facts.activityBilan.missing ? { then: BILAN_BEFORE_PAYMENT } : {};
  if (missing.length > 0) {
    return {
      text: `${corrected ? "Corriger la demande : compléter" : "Compléter"} la section ${ANNUAL_REQUEST_SECTION} (il manque : ${missing.map(lowerFirst).join(", ")}), puis ${corrected ? "la déposer à nouveau" : "déposer la demande"}`,
      who: "la plateforme", anchor: "demande", ...bilan,
    };
  }
  return {
    text: corrected
      ? `Corriger la demande (section ${ANNUAL_REQUEST_SECTION} complète) et la déposer à nouveau`
      : `Section ${ANNUAL_REQUEST_SECTION} complète : vérifier le budget et déposer la demande`,
    who: "la plateforme", ...bilan,
  };
}

export function nextStep(status: SubsidyStatusName, funder: "REGION" | "FRANCE_TRAVAIL", facts: NextStepFacts = {}): NextStep {
  const funderName = funder === "REGION" ? "la Région (finances)" : "la Région (finances), pour France Travail";
  const region = funder === "REGION" && facts.annualRequest != null;
  const bilanMissing = funder === "REGION" && facts.activityBilan?.required === true && facts.activityBilan.missing;
  switch (status) {
    case "DRAFT": return region ? requestStep(false, facts) : { text: "Compléter le budget et déposer la demande", who: "la plateforme" };
    case "RETURNED": return region ? requestStep(true, facts) : { text: "Corriger la demande et la déposer à nouveau", who: "la plateforme" };
    case "SUBMITTED": return { text: "Prendre la demande en instruction", who: funderName };
    case "UNDER_REVIEW": return { text: "Attribuer, renvoyer pour correction ou refuser", who: funderName };
    case "AWARDED": return { text: "Enregistrer la signature de la convention", who: funderName, ...(bilanMissing ? { then: BILAN_BEFORE_PAYMENT } : {}) };
    case "SIGNED":
      if (bilanMissing) {
        return {
          text: "Transmettre le bilan d'activité de la plateforme et enregistrer sa date de réception (« Pièces et échéances ») : aucun versement avant (cadre d'intervention §5)",
          who: "la plateforme, puis la Région (finances)", anchor: "echeances",
          then: "Ensuite : demander les tranches exigibles, verser, recevoir le compte rendu financier puis solder",
        };
      }
      return { text: "Demander les tranches exigibles, verser, recevoir le compte rendu financier puis solder", who: "la plateforme et la Région" };
    case "REJECTED": return { text: "Aucune : demande refusée", who: null };
    case "CLOSED": return { text: "Aucune : dossier soldé", who: null };
    case "LAPSED": return { text: "Aucune : convention caduque", who: null };
    case "TERMINATING": return { text: "Attendre la date d'effet de la résiliation, puis la constater (versements suspendus)", who: funderName };
    case "TERMINATED": return { text: "Régler la restitution éventuelle puis solder", who: funderName };
  }
}

export interface StoryEntry {
  at: string;
  kind: "transition" | "event" | "payment";
  title: string;
  detail: string | null;
  actor: string | null;
}

/** Transitions/events and payments merged in time order (payments dated by their value date). */
export function fileStory(
  events: readonly { at: string; title: string; detail: string | null; actor: string | null; isTransition: boolean }[],
  payments: readonly { paidAt: string; amountText: string; trancheRank: number | null; reference: string | null }[],
): StoryEntry[] {
  const out: StoryEntry[] = [
    ...events.map((e) => ({ at: e.at, kind: e.isTransition ? ("transition" as const) : ("event" as const), title: e.title, detail: e.detail, actor: e.actor })),
    ...payments.map((p) => ({
      at: p.paidAt, kind: "payment" as const,
      title: `Versement de ${p.amountText}${p.trancheRank ? ` (tranche ${p.trancheRank})` : ""}`,
      detail: p.reference ? `Référence ${p.reference}` : null, actor: null,
    })),
  ];
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** The earliest unpaid tranche deadline (late ones first), or null. */
export function nextTrancheDeadline(tranches: readonly { label: string; dueAt: string | null; status: string }[]): { label: string; dueAt: string } | null {
  const open = tranches.filter((t) => t.dueAt && (t.status === "PLANNED" || t.status === "DUE" || t.status === "REQUESTED"));
  open.sort((a, b) => a.dueAt!.localeCompare(b.dueAt!));
  return open[0] ? { label: open[0].label, dueAt: open[0].dueAt! } : null;
}
