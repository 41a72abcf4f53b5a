import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { findContact } from "@/lib/companies/company.query";
import { updateContactSchema } from "@/lib/companies/company.schema";
import { deleteContact, updateContact } from "@/lib/companies/company.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "contact.read" }, ({ user, params }) => findContact(db, user, params.id!, params.contactId!));
export const PATCH = apiRoute({ permission: "contact.write", body: updateContactSchema }, ({ user, params, body }) => updateContact(db, user, params.id!, params.contactId!, body));
export const DELETE = apiRoute({ permission: "contact.write" }, async ({ user, params }) => {
  await deleteContact(db, user, params.id!, params.contactId!);
  return new NextResponse(null, { status: 204 });
});
