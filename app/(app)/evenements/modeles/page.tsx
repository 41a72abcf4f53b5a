import type { Metadata } from "next";
import { TemplateForm } from "@/components/events/template-form";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LEGAL_MENTION, MESSAGE_KIND_LABELS, MESSAGE_KINDS, PLACEHOLDERS } from "@/lib/events/invitation.rules";
import { templatesFor } from "@/lib/events/invitation.service";

export const metadata: Metadata = { title: "Modèles de messages circuit court" };

export default async function TemplatesPage() {
  const user = await requirePageUser("eventTemplate.write");
  const platforms = await db.platform.findMany({ where: { id: { in: [...user.platformIds] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const all = await Promise.all(platforms.map(async (p) => ({ platform: p, templates: await templatesFor(db, p.id) })));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageTitle>Modèles de messages circuit court</PageTitle>
        <p className="text-sm text-muted">Champs possibles : {PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}. Le lien personnel {"{lien}"} est obligatoire dans l&apos;invitation et la relance.</p>
        <p className="mt-2 text-sm">Mention ajoutée automatiquement sous chaque message : « {LEGAL_MENTION} »</p>
      </div>
      {all.map(({ platform, templates }) => (
        <Card as="section" key={platform.id} aria-labelledby={`p-${platform.id}`} className="flex flex-col gap-6">
          <h2 id={`p-${platform.id}`} className="text-lg font-semibold">{platform.name}</h2>
          {MESSAGE_KINDS.map((kind) => (
            <div key={kind} className="flex flex-col gap-2">
              <h3 className="font-semibold">{MESSAGE_KIND_LABELS[kind]}{templates[kind].custom ? "" : " (texte par défaut)"}</h3>
              <TemplateForm platformId={platform.id} kind={kind} label={MESSAGE_KIND_LABELS[kind]} subject={templates[kind].subject} body={templates[kind].body} />
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}
