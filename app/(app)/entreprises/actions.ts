"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { createCompanySchema, createContactSchema, updateCompanySchema, updateContactSchema } from "@/lib/companies/company.schema";
import { createCompany, createContact, deleteCompany, deleteContact, updateCompany, updateContact } from "@/lib/companies/company.service";
import { db } from "@/lib/db";
import { createNoteSchema } from "@/lib/companies/note.schema";
import { createCompanyNote } from "@/lib/companies/note.service";

const idField = z.string().uuid();

const create = serverAction({ permission: "company.write", schema: createCompanySchema }, async (user, input) => {
  const c = await createCompany(db, user, input);
  revalidatePath("/entreprises");
  return { id: c.id };
});
const update = serverAction({ permission: "company.write", schema: updateCompanySchema.and(z.object({ id: idField })) }, async (user, { id, ...input }) => {
  await updateCompany(db, user, id, input);
  revalidatePath(`/entreprises/${id}`);
  return { id };
});
const remove = serverAction({ permission: "company.write", schema: z.object({ id: idField }) }, async (user, { id }) => {
  await deleteCompany(db, user, id);
  revalidatePath("/entreprises");
  return { id };
});
const addContact = serverAction({ permission: "contact.write", schema: createContactSchema.extend({ companyId: idField }) }, async (user, { companyId, ...input }) => {
  await createContact(db, user, companyId, input);
  revalidatePath(`/entreprises/${companyId}`);
  return { companyId };
});
const editContact = serverAction({ permission: "contact.write", schema: updateContactSchema.extend({ companyId: idField, contactId: idField }) }, async (user, { companyId, contactId, ...input }) => {
  await updateContact(db, user, companyId, contactId, input);
  revalidatePath(`/entreprises/${companyId}`);
  return { companyId };
});
const removeContact = serverAction({ permission: "contact.write", schema: z.object({ companyId: idField, contactId: idField }) }, async (user, { companyId, contactId }) => {
  await deleteContact(db, user, companyId, contactId);
  revalidatePath(`/entreprises/${companyId}`);
  return { companyId };
});

export async function createCompanyAction(...a: Parameters<typeof create>) { return create(...a); }
export async function updateCompanyAction(...a: Parameters<typeof update>) { return update(...a); }
export async function deleteCompanyAction(...a: Parameters<typeof remove>) { return remove(...a); }
export async function createContactAction(...a: Parameters<typeof addContact>) { return addContact(...a); }
export async function updateContactAction(...a: Parameters<typeof editContact>) { return editContact(...a); }
export async function deleteContactAction(...a: Parameters<typeof removeContact>) { return removeContact(...a); }

const addNote = serverAction({ permission: "company.write", schema: createNoteSchema.extend({ companyId: idField }) }, async (user, { companyId, ...input }) => {
  await createCompanyNote(db, user, companyId, input);
  revalidatePath(`/entreprises/${companyId}`);
  return { companyId };
});
export async function createNoteAction(...a: Parameters<typeof addNote>) { return addNote(...a); }
