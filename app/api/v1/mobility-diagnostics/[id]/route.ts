import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateDiagnosticSchema } from "@/lib/diagnostics/diagnostic.schema";
import { getDiagnostic, updateDiagnostic } from "@/lib/diagnostics/diagnostic.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "diagnostic.read" }, async ({ user, params, requestId }) => {
  const { platformId: _platformId, ...d } = await getDiagnostic(db, user, params.id!, { purpose: "API : diagnostic mobilité", requestId });
  return d;
});

export const PATCH = apiRoute({ permission: "diagnostic.write", body: updateDiagnosticSchema }, ({ user, params, body, requestId }) => updateDiagnostic(db, user, params.id!, body, { requestId }));
