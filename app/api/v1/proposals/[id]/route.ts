import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { transitionProposalSchema } from "@/lib/proposals/proposal.schema";
import { transitionProposal } from "@/lib/proposals/proposal.service";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute({ permission: "proposal.write", body: transitionProposalSchema }, ({ user, params, body, requestId }) =>
  transitionProposal(db, user, params.id!, body, { requestId }),
);
