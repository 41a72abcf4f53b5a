import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Région Hauts-de-France</p>
        <PageTitle>SI Proch&apos;Emploi</PageTitle>
        <p className="text-muted">Connectez-vous avec votre compte professionnel.</p>
      </div>
      <Card padding="lg" className="shadow-sm">
        <Suspense>
          <LoginForm />
        </Suspense>
        <p className="mt-4 text-sm">
          <TextLink href="/mot-de-passe/oublie">Mot de passe oublié ?</TextLink>
        </p>
      </Card>
      <footer className="flex flex-col gap-2 text-xs text-muted">
        <p>Les données personnelles traitées ici le sont pour le compte de la Région Hauts-de-France. Chaque accès est journalisé.</p>
        <p>
          Données ouvertes des conventions de subvention (décret 2017-779) :{" "}
          <a href="/donnees-ouvertes/subventions.csv" className="text-brand-700 underline">CSV</a>
          {" · "}
          <a href="/donnees-ouvertes/subventions.json" className="text-brand-700 underline">JSON</a>
        </p>
      </footer>
    </main>
  );
}
