import { BODY_LIMITS } from "@/lib/api/body-limit";
import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { listReceipts, saveReceipt } from "@/lib/subsidy/receipt.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: await listReceipts(db, user, params.id!) }));

/** multipart/form-data: file, kind, and optionally budgetLineId or trancheId. */
export const POST = apiRoute({ permission: "subsidy.write", maxBodyBytes: BODY_LIMITS.receipt }, async ({ user, params, formData }) => {
  const form = await formData();
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new ValidationError({ file: ["Joignez un fichier (PDF, JPEG ou PNG)."] });
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v !== "" ? v : null;
  };
  return created(await saveReceipt(db, user, params.id!, {
    kind: text("kind") ?? "",
    budgetLineId: text("budgetLineId"),
    trancheId: text("trancheId"),
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  }));
});
