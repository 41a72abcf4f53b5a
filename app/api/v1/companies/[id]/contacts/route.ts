import { apiRoute, created } from "@/lib/api/handler";
import { listContacts } from "@/lib/companies/company.query";
import { createContactSchema } from "@/lib/companies/company.schema";
import { createContact } from "@/lib/companies/company.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "contact.read" }, async ({ user, params }) => ({ items: await listContacts(db, user, params.id!) }));
export const POST = apiRoute({ permission: "contact.write", body: createContactSchema }, async ({ user, params, body }) => created(await createContact(db, user, params.id!, body)));
