"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { acceptCharterAction } from "@/app/charte/actions";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

export function CharterForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(acceptCharterAction, null);
  useEffect(() => {
    if (state?.ok) {
      router.replace("/");
      router.refresh();
    }
  }, [state, router]);
  const error = state && !state.ok ? (state.fields?.accept?.[0] ?? state.message) : null;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="accept" value="oui" className="mt-1" aria-describedby={error ? "accept-error" : undefined} aria-invalid={error ? true : undefined} />
        <span>J&apos;ai lu cet engagement de confidentialité et je m&apos;engage à le respecter.</span>
      </label>
      {error ? <p id="accept-error" className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{error}</p> : null}
      <Button type="submit" disabled={pending}>Accepter et continuer</Button>
    </form>
  );
}
