import type { Metadata } from "next";
import { AuthCard } from "@/components/account/auth-card";
import { TwoFactorEnrolForm } from "@/components/account/two-factor-enrol-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { requirePageUser } from "@/lib/auth/session";
import { startEnrolment } from "@/lib/auth/two-factor.service";
import { db } from "@/lib/db";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Double authentification" };
export const dynamic = "force-dynamic";

/**
 * Enrolment in two-factor login. For the roles that require it (France Travail, DPO, finance,
 * administration) this is the only page reachable until it is done; for others it is optional.
 */
export default async function TwoFactorPage() {
  // The one action left to a mandatory-2FA account not enrolled yet (requirePageUser lets it through).
  const user = await requirePageUser("twoFactor.enrol");
  if (user.totpEnabled) {
    return (
      <AuthCard title="Double authentification">
        <div className="flex flex-col gap-3">
          <p>La double authentification est activée sur votre compte.</p>
          <p className="text-sm text-muted">Téléphone perdu ou codes de secours épuisés : demandez à un administrateur de la réinitialiser.</p>
          <p><TextLink href="/">Retour à l&apos;accueil</TextLink></p>
        </div>
      </AuthCard>
    );
  }
  const screen = await startEnrolment(db, user);
  return (
    <AuthCard
      title="Activer la double authentification"
      intro={
        user.mustEnrolTotp ? (
          <p>Bonjour {user.firstName}, votre rôle donne accès à des données protégées : la double authentification est obligatoire avant d&apos;utiliser le SI Proch&apos;Emploi.</p>
        ) : (
          <p>Protégez votre compte par un code à usage unique en plus de votre mot de passe.</p>
        )
      }
    >
      <div className="flex flex-col gap-4 text-sm">
        <ol className="list-decimal pl-5">
          <li>Installez une application d&apos;authentification (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).</li>
          <li>Scannez ce QR code avec l&apos;application, ou saisissez la clé ci-dessous.</li>
          <li>Saisissez le code à 6 chiffres qu&apos;elle affiche pour confirmer.</li>
        </ol>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL generated on the server */}
        <img src={screen.qrSvgDataUrl} width={200} height={200} alt="QR code à scanner avec votre application d'authentification" className="self-center" />
        <p>
          Clé à saisir si vous ne pouvez pas scanner :{" "}
          <code data-testid="totp-secret" className="break-all rounded bg-gray-100 px-1 font-mono">{screen.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </p>
        <TwoFactorEnrolForm />
        <div className="border-t border-gray-200 pt-3"><SignOutButton /></div>
      </div>
    </AuthCard>
  );
}
