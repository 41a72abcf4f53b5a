import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Mot de passe oublié" intro={<p>Indiquez l&apos;adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>}>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm"><Link href="/connexion" className="text-brand-700 underline">Retour à la connexion</Link></p>
    </AuthCard>
  );
}
