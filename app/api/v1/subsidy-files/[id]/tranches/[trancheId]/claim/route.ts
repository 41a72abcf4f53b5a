import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { claimSchema } from "@/lib/subsidy/subsidy-file.schema";
import { claimTranche } from "@/lib/subsidy/tranche.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "tranche.claim", body: claimSchema }, async ({ user, params, body }) => claimTranche(db, user, params.id!, params.trancheId!, body));
