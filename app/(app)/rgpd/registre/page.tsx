import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getRegister } from "@/lib/rights/register.service";
import { TextLink } from "@/components/ui/text-link";
import { AnchorButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Registre des activités de traitement" };

const EXPORT = "/api/v1/processing-register";

export default async function RegisterPage() {
  const user = await requirePageUser("register.read");
  const reg = await getRegister(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd">Données personnelles</TextLink> › Registre des traitements</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Registre des activités de traitement</PageTitle>
        <div className="flex flex-wrap gap-2">
          <AnchorButton variant="secondary" href={`${EXPORT}?format=xlsx`} download>Exporter (XLSX)</AnchorButton>
          <AnchorButton variant="secondary" href={`${EXPORT}?format=html`} target="_blank" rel="noopener">Version imprimable</AnchorButton>
        </div>
      </div>
      <p className="text-muted">RGPD article 30. Généré le {formatDateTime(reg.generatedAt)} à partir de la configuration et des jeux de règles en vigueur : une nouvelle version des règles (durées de conservation, délais) se reflète ici sans intervention.</p>
      {reg.sections.map((s) => (
        <Card as="section" key={s.key} aria-labelledby={`reg-${s.key}`}>
          <h2 id={`reg-${s.key}`} className="text-lg font-semibold">{s.title}</h2>
          <ul className="ml-5 list-disc text-sm">{s.lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </Card>
      ))}
    </div>
  );
}
