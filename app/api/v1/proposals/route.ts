import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createProposalSchema, proposalListQuerySchema } from "@/lib/proposals/proposal.schema";
import { createProposal, listProposals } from "@/lib/proposals/proposal.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "proposal.read", query: proposalListQuerySchema }, ({ user, query, requestId }) =>
  listProposals(db, user, query, { purpose: "API : liste des positionnements", requestId }),
);

export const POST = apiRoute({ permission: "proposal.write", body: createProposalSchema }, async ({ user, body, requestId }) =>
  created(await createProposal(db, user, body, { requestId })),
);
