import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { readReceipt } from "@/lib/subsidy/receipt.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => {
  const r = await readReceipt(db, user, params.id!, params.receiptId!);
  return new NextResponse(new Uint8Array(r.bytes), {
    headers: {
      "content-type": r.mimeType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
