// « Des positionnements aux embauches » (issue 17): a real funnel. One cohort — the job
// positionings made in the period — followed through its statuses as of today, so each step is a
// subset of the previous one by construction. (Positions offered, proposals of the month and hires
// of the month count different things on different dates: they are not a funnel.) Pure.

export type ProposalStatusName = "PROPOSED" | "ACCEPTED" | "REFUSED" | "INTERVIEW" | "HIRED" | "NOT_RETAINED";

export interface FunnelStep {
  key: "positioned" | "accepted" | "interviewed" | "hired";
  label: string;
  /** What is counted, written under the chart and on the definitions page. */
  definition: string;
  /** Statuses (today) of the cohort's positionings that reached this step. */
  statuses: readonly ProposalStatusName[];
}

export const JOB_FUNNEL_STEPS: readonly FunnelStep[] = [
  { key: "positioned", label: "Positionnements", statuses: ["PROPOSED", "ACCEPTED", "REFUSED", "INTERVIEW", "HIRED", "NOT_RETAINED"],
    definition: "Positionnements sur une offre (mises en relation) faits dans la période, quel que soit leur état aujourd'hui." },
  { key: "accepted", label: "Acceptés par la personne", statuses: ["ACCEPTED", "INTERVIEW", "HIRED", "NOT_RETAINED"],
    definition: "Parmi eux, ceux que la personne a acceptés (y compris ceux allés plus loin : entretien, embauche, non retenu par l'employeur)." },
  { key: "interviewed", label: "Entretien ou embauche", statuses: ["INTERVIEW", "HIRED"],
    definition: "Parmi eux, ceux qui en sont aujourd'hui à l'entretien ou à l'embauche (un positionnement non retenu après entretien n'y figure plus)." },
  { key: "hired", label: "Embauches", statuses: ["HIRED"],
    definition: "Parmi eux, ceux conclus par une embauche, quelle que soit la date de l'embauche." },
];

export interface FunnelValue {
  key: FunnelStep["key"];
  label: string;
  definition: string;
  count: number;
  /** Share of the first step, whole percent (null when the cohort is empty). */
  percentOfFirst: number | null;
}

/** Counts of the cohort per step from its positionings counted by current status. */
export function jobFunnel(byStatus: Partial<Record<ProposalStatusName, number>>): FunnelValue[] {
  const counts = JOB_FUNNEL_STEPS.map((s) => s.statuses.reduce((n, st) => n + (byStatus[st] ?? 0), 0));
  const first = counts[0]!;
  return JOB_FUNNEL_STEPS.map((s, i) => ({
    key: s.key, label: s.label, definition: s.definition, count: counts[i]!,
    percentOfFirst: first === 0 ? null : Math.round((counts[i]! / first) * 100),
  }));
}
