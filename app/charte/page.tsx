import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { CharterForm } from "@/components/account/charter-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser, TOTP_ENROL_PATH } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Engagement de confidentialité" };
export const dynamic = "force-dynamic";

/** Asked once, before anything else, of every person given an account (annex 1 RGPD). */
export default async function CharterPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion");
  if (user.mustEnrolTotp) redirect(TOTP_ENROL_PATH);
  if (user.charterAccepted) redirect("/");
  return (
    <AuthCard title="Engagement de confidentialité" intro={<p>Bonjour {user.firstName}, avant d&apos;accéder au SI Proch&apos;Emploi, lisez et acceptez cet engagement.</p>}>
      <div className="flex flex-col gap-3 text-sm">
        <p>En utilisant le SI Proch&apos;Emploi pour le compte de la Région Hauts-de-France, je m&apos;engage à :</p>
        <ul className="list-disc pl-5">
          <li>n&apos;utiliser les données personnelles des demandeurs d&apos;emploi et des contacts d&apos;entreprise que pour la mission Proch&apos;Emploi ;</li>
          <li>ne consulter que les dossiers dont j&apos;ai besoin, chaque accès étant journalisé ;</li>
          <li>ne communiquer ces données à personne qui n&apos;y est pas habilité, ni les copier hors du système ;</li>
          <li>garder mon mot de passe secret et signaler sans délai toute perte, tout vol ou tout soupçon de violation de données ;</li>
          <li>respecter cette confidentialité y compris après la fin de mes fonctions.</li>
        </ul>
        <CharterForm />
        <div className="border-t border-gray-200 pt-3"><SignOutButton /></div>
      </div>
    </AuthCard>
  );
}
