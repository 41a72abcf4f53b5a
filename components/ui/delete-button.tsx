"use client";
// Destructive action: the browser's confirmation dialog (keyboard and screen-reader friendly),
// then DELETE with the version the user saw; a 409 says someone changed the record meanwhile.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function DeleteButton({ url, confirmText, label, redirectTo }: { url: string; confirmText: string; label: string; redirectTo: string }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    if (!window.confirm(confirmText)) return;
    setPending(true);
    const res = await sendJson(url, "DELETE");
    setPending(false);
    if (!res.ok) {
      setAlert(res);
      return;
    }
    toast({ message: "Suppression effectuée." });
    router.push(redirectTo);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      <FormAlert outcome={alert} id="delete-alert" />
      <div>
        <Button type="button" variant="danger" onClick={onClick} disabled={pending}>
          {label}
        </Button>
      </div>
    </div>
  );
}
