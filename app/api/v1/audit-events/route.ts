import { apiRoute } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/audit/audit.query";
import { auditListQuerySchema } from "@/lib/audit/audit.schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit.read", query: auditListQuerySchema }, ({ user, query }) => listAuditEvents(db, user, query));
