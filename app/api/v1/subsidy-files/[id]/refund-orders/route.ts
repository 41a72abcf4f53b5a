import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { refundOrderSchema } from "@/lib/subsidy/subsidy-file.schema";
import { findScopedFile } from "@/lib/subsidy/subsidy-file.repo";
import { issueRefundOrder, listRefundOrders } from "@/lib/subsidy/tranche.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => {
  const file = await findScopedFile(db, user, params.id!);
  return { items: await listRefundOrders(db, file.id) };
});

export const POST = apiRoute({ permission: "refundOrder.write", body: refundOrderSchema }, async ({ user, params, body }) => created(await issueRefundOrder(db, user, params.id!, body)));
