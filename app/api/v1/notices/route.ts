// Issue 22 §2, §7: the versions of the information notices and of the confidentiality commitment
// (read), and the publication of a new version (a new row, never an edit). Région annex 1 art. 3.3
// and 3.10.1. DPO and admin only ("notice.write").
import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listNoticeVersions, publishNotice } from "@/lib/notices/notice-admin.service";
import { publishNoticeSchema } from "@/lib/notices/notice.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "notice.write" }, async ({ user }) => ({ items: await listNoticeVersions(db, user) }));

export const POST = apiRoute({ permission: "notice.write", body: publishNoticeSchema }, async ({ user, body, requestId }) =>
  created(await publishNotice(db, user, body, { requestId })),
);
