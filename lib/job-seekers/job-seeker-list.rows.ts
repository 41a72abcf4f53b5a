// The rows of the job-seeker list screen (/demandeurs): only what its cells show, already in words
// (issue 18, less work per page). The table is a client component, so its props are serialized into
// the page's RSC payload — twice over the wire, once in the HTML's inline payload. Whole summaries
// put every listed person's e-mail, phone, birth date and France Travail id in the page source
// although no cell shows them (data minimisation, annex 1 art. 2); labels and dates are formatted
// here, once, instead of in every cell render. Pure: no Prisma, no Next.
import { formatDate } from "@/lib/format";
import type { JobSeekerListItem } from "@/lib/job-seekers/job-seeker.query";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";

export interface JobSeekerListRow {
  id: string;
  /** « Nom Prénom », the link to the record. */
  name: string;
  /** Only when the platform column is shown (a person of several platforms' lists). */
  platform?: string;
  city: string;
  origin: string;
  latestProposal: string;
  lastContact: string;
}

type ListItem = Pick<JobSeekerListItem, "id" | "lastName" | "firstName" | "platform" | "city" | "origin" | "latestProposal" | "lastContactAt">;

/** `showPlatform`: the list has a platform column (several platforms); otherwise the name is not sent. */
export function jobSeekerListRow(r: ListItem, { showPlatform }: { showPlatform: boolean }): JobSeekerListRow {
  const p = r.latestProposal;
  return {
    id: r.id,
    name: `${r.lastName} ${r.firstName}`,
    ...(showPlatform ? { platform: r.platform } : {}),
    city: r.city ?? "—",
    origin: LABELS.origin[r.origin],
    latestProposal: p ? `${p.label ?? "—"} : ${PROPOSAL_STATUS_LABELS[p.status]} (${formatDate(p.at)})` : "Aucun",
    lastContact: formatDate(r.lastContactAt),
  };
}
