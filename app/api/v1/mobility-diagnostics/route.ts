import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { diagnosticInputSchema, diagnosticListQuerySchema } from "@/lib/diagnostics/diagnostic.schema";
import { createDiagnostic, listDiagnostics } from "@/lib/diagnostics/diagnostic.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "diagnostic.read", query: diagnosticListQuerySchema }, ({ user, query, requestId }) =>
  listDiagnostics(db, user, query, { purpose: "API : diagnostics mobilité", requestId }),
);

export const POST = apiRoute({ permission: "diagnostic.write", body: diagnosticInputSchema }, async ({ user, body, requestId }) =>
  created(await createDiagnostic(db, user, body, { requestId })),
);
