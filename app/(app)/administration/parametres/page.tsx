import type { Metadata } from "next";
import { SettingForm } from "@/components/settings/setting-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listSettings } from "@/lib/settings/settings.service";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage() {
  const user = await requirePageUser("setting.write");
  const settings = await listSettings(db, user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Paramètres</h1>
      <p className="max-w-3xl text-sm">
        Adresses auxquelles une demande d&apos;exercice de droits ou une violation enregistrée par une plateforme est transmise aussitôt par courriel.
        Les valeurs par défaut sont celles des conventions (convention cadre, annexe 1, art. 3.4, 3.7 et 5 ; convention France Travail, annexe 1, 2.7 et 2.8).
        Chaque modification est tracée dans le journal d&apos;audit.
      </p>
      <ul className="flex max-w-3xl flex-col gap-4">
        {settings.map((s) => <li key={s.key}><SettingForm setting={s} /></li>)}
      </ul>
    </div>
  );
}
