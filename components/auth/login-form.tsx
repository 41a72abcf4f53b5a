"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loginSchema, type LoginInput } from "@/lib/auth/login.schema";
import { safeCallback } from "@/lib/auth/safe-callback";

const MESSAGES: Record<string, string> = {
  TooManyAttempts: "Trop de tentatives infructueuses. Réessayez dans quelques minutes.",
  TotpInvalid: "Code de vérification incorrect.",
};
const GENERIC = "Identifiants incorrects.";

/** Only paths of this site are followed after login (lib/auth/safe-callback.ts: no open redirect). */
function callbackTarget(raw: string | null): string {
  return safeCallback(raw, window.location.origin);
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  // Second step (two-factor login): the password already checked is kept in memory only.
  const [pending, setPending] = useState<LoginInput | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  async function onSubmit(values: LoginInput) {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (res?.error === "TotpRequired") {
      setPending(values);
      return;
    }
    if (!res || res.error) {
      setFormError(MESSAGES[res?.error ?? ""] ?? GENERIC);
      return;
    }
    router.replace(callbackTarget(params.get("callbackUrl")));
    router.refresh();
  }

  async function onCode(totp: string) {
    if (!pending) return;
    setFormError(null);
    const res = await signIn("credentials", { ...pending, totp, redirect: false });
    if (!res || res.error) {
      if (res?.error === "TooManyAttempts") setPending(null);
      setFormError(MESSAGES[res?.error ?? ""] ?? GENERIC);
      return;
    }
    router.replace(callbackTarget(params.get("callbackUrl")));
    router.refresh();
  }

  if (pending) {
    return <SecondFactorForm error={formError} onSubmit={onCode} onCancel={() => { setPending(null); setFormError(null); }} />;
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-describedby={formError ? "login-error" : undefined}>
      {formError ? (
        <div id="login-error" role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
          {formError}
        </div>
      ) : null}
      <Field label="Adresse e-mail" type="email" autoComplete="username" error={errors.email?.message} {...register("email")} />
      <Field label="Mot de passe" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Connexion…" : "Se connecter"}
      </Button>
    </form>
  );
}

function SecondFactorForm({ error, onSubmit, onCancel }: { error: string | null; onSubmit: (code: string) => Promise<void>; onCancel: () => void }) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={error ? "login-error" : undefined}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!code.trim()) {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        setBusy(true);
        await onSubmit(code.trim());
        setBusy(false);
      }}
    >
      <h2 className="text-lg font-semibold">Double authentification</h2>
      {error ? (
        <div id="login-error" role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
          {error}
        </div>
      ) : null}
      <Field
        label="Code de vérification"
        name="totp"
        hint="Le code à 6 chiffres de votre application d'authentification, ou l'un de vos codes de secours."
        autoComplete="one-time-code"
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={empty ? "Saisissez le code de vérification." : undefined}
      />
      <Button type="submit" disabled={busy}>{busy ? "Vérification…" : "Vérifier"}</Button>
      <Button type="button" variant="secondary" onClick={onCancel}>Changer de compte</Button>
    </form>
  );
}
