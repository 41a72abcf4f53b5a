import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getRegister } from "@/lib/rights/register.service";

export const metadata: Metadata = { title: "Registre des activités de traitement" };

const EXPORT = "/api/v1/processing-register";

export default async function RegisterPage() {
  const user = await requirePageUser("register.read");
  const reg = await getRegister(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href="/rgpd" className="text-brand-700 underline">Données personnelles</Link> › Registre des traitements</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Registre des activités de traitement</h1>
        <div className="flex flex-wrap gap-2">
          <a href={`${EXPORT}?format=xlsx`} download className="rounded border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">Exporter (XLSX)</a>
          <a href={`${EXPORT}?format=html`} target="_blank" rel="noopener" className="rounded border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">Version imprimable</a>
        </div>
      </div>
      <p className="text-muted">RGPD article 30. Généré le {formatDateTime(reg.generatedAt)} à partir de la configuration et des jeux de règles en vigueur : une nouvelle version des règles (durées de conservation, délais) se reflète ici sans intervention.</p>
      {reg.sections.map((s) => (
        <section key={s.key} aria-labelledby={`reg-${s.key}`} className="rounded-lg border border-gray-300 bg-white p-4">
          <h2 id={`reg-${s.key}`} className="text-lg font-semibold">{s.title}</h2>
          <ul className="ml-5 list-disc text-sm">{s.lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </section>
      ))}
    </div>
  );
}
