"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { createContactAction, deleteContactAction, updateContactAction } from "@/app/(app)/entreprises/actions";
import { applyServerResult, toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-controls";
import { createContactSchema, type ContactDto } from "@/lib/companies/company.schema";
import { toast } from "@/components/ui/toast";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";

type Values = { lastName: string; firstName: string; jobTitle: string; proAddress: string; proEmail: string; proPhone: string };

function ContactForm({ companyId, contact, onDone }: { companyId: string; contact?: ContactDto; onDone: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(createContactSchema) as unknown as Resolver<Values>,
    defaultValues: {
      lastName: contact?.lastName ?? "",
      firstName: contact?.firstName ?? "",
      jobTitle: contact?.jobTitle ?? "",
      proAddress: contact?.proAddress ?? "",
      proEmail: contact?.proEmail ?? "",
      proPhone: contact?.proPhone ?? "",
    },
  });
  async function onSubmit(values: Values) {
    const fd = toFormData({ ...values, companyId, ...(contact ? { contactId: contact.id, version: contact.version } : {}) });
    const result = contact ? await updateContactAction(null, fd) : await createContactAction(null, fd);
    if (result.ok) {
      toast({ message: contact ? "Contact enregistré." : "Contact ajouté.", href: `/entreprises/${companyId}#contacts-title`, linkLabel: "Voir les contacts" });
      onDone();
      router.refresh();
    } else setFormError(applyServerResult(result, setError));
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid grid-cols-1 gap-3 rounded border border-gray-300 bg-gray-50 p-3 md:grid-cols-3">
      <div className="md:col-span-3"><FormError message={formError} /></div>
      <Field label="Nom" required error={errors.lastName?.message} {...register("lastName")} />
      <Field label="Prénom" error={errors.firstName?.message} {...register("firstName")} />
      <Field label="Fonction" error={errors.jobTitle?.message} {...register("jobTitle")} />
      <Field label="Adresse professionnelle" error={errors.proAddress?.message} {...register("proAddress")} />
      <Field label="E-mail professionnel" type="email" error={errors.proEmail?.message} {...register("proEmail")} />
      <Field label="Téléphone professionnel" type="tel" error={errors.proPhone?.message} {...register("proPhone")} />
      <div className="flex gap-2 md:col-span-3">
        <Button type="submit" disabled={isSubmitting}>{contact ? "Enregistrer le contact" : "Ajouter le contact"}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>Annuler</Button>
      </div>
    </form>
  );
}

export function ContactsSection({ companyId, contacts, canWrite }: { companyId: string; contacts: ContactDto[]; canWrite: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  async function remove(c: ContactDto) {
    if (!window.confirm(`Supprimer le contact ${c.firstName ?? ""} ${c.lastName ?? ""} ? Cette action est définitive.`)) return;
    await deleteContactAction(null, toFormData({ companyId, contactId: c.id }));
    router.refresh();
  }
  return (
    <Card as="section" aria-labelledby="contacts-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 id="contacts-title" className="text-lg font-semibold">Contacts ({contacts.length})</h2>
        {canWrite && editing !== "new" ? <Button variant="secondary" onClick={() => setEditing("new")}>Ajouter un contact</Button> : null}
      </div>
      {editing === "new" ? <ContactForm companyId={companyId} onDone={() => setEditing(null)} /> : null}
      {contacts.length === 0 ? <p className="text-sm text-muted">Aucun contact enregistré.</p> : null}
      <ul className="flex flex-col divide-y divide-gray-200">
        {contacts.map((c) => (
          <li key={c.id} className="py-2">
            {editing === c.id ? (
              <ContactForm companyId={companyId} contact={c} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="text-sm">
                  <p className="font-medium">{[c.firstName, c.lastName].filter(Boolean).join(" ")}{c.jobTitle ? ` — ${c.jobTitle}` : ""}</p>
                  <p className="text-muted">{[c.proEmail, c.proPhone, c.proAddress].filter(Boolean).join(" · ") || "Pas de coordonnées"}</p>
                  {/* Issue 22 §2: the notice given to the contact (printable, sendable by e-mail). */}
                  <TextLink href={`/entreprises/${companyId}/contacts/${c.id}/information`}>Notice d&apos;information<span className="sr-only"> de {c.lastName}</span></TextLink>
                </div>
                {canWrite ? (
                  <div className="flex gap-2">
                    <Button variant="secondary" onClick={() => setEditing(c.id)}>Modifier<span className="sr-only"> {c.lastName}</span></Button>
                    <Button variant="danger" onClick={() => void remove(c)}>Supprimer<span className="sr-only"> {c.lastName}</span></Button>
                  </div>
                ) : null}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
