import type { Metadata } from "next";
import { AuthCard } from "@/components/account/auth-card";
import { SetPasswordForm } from "@/components/account/set-password-form";
import { db } from "@/lib/db";
import { checkUserToken, TOKEN_PROBLEM_MESSAGES } from "@/lib/users/user-token.service";
import { TextLink } from "@/components/ui/text-link";

// The link carries a secret: never send it on to another site in the Referer header.
export const metadata: Metadata = { title: "Choisir mon mot de passe", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[] }> }) {
  const raw = (await searchParams).jeton;
  const token = typeof raw === "string" ? raw : "";
  const check = token ? await checkUserToken(db, token) : ({ ok: false, problem: "UNKNOWN" } as const);
  if (!check.ok) {
    return (
      <AuthCard title="Lien inutilisable">
        <p role="status" className="text-danger">{TOKEN_PROBLEM_MESSAGES[check.problem]}</p>
        <p className="mt-4 flex gap-4 text-sm">
          <TextLink href="/mot-de-passe/oublie">Mot de passe oublié</TextLink>
          <TextLink href="/connexion">Connexion</TextLink>
        </p>
      </AuthCard>
    );
  }
  const invitation = check.token.kind === "INVITATION";
  return (
    <AuthCard
      title={invitation ? "Activer mon compte" : "Choisir un nouveau mot de passe"}
      intro={<p>Compte : <strong>{check.token.user.email}</strong></p>}
    >
      <SetPasswordForm token={token} email={check.token.user.email} />
    </AuthCard>
  );
}
