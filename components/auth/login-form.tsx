"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loginSchema, type LoginInput } from "@/lib/auth/login.schema";

const MESSAGES: Record<string, string> = {
  TooManyAttempts: "Trop de tentatives infructueuses. Réessayez dans quelques minutes.",
};
const GENERIC = "Identifiants incorrects.";

/** Only same-site relative paths are followed after login (no open redirect). */
function safeCallback(raw: string | null): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  async function onSubmit(values: LoginInput) {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setFormError(MESSAGES[res?.error ?? ""] ?? GENERIC);
      return;
    }
    router.replace(safeCallback(params.get("callbackUrl")));
    router.refresh();
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
