"use client";

import { useActionState } from "react";
import { assignReviewerAction } from "@/app/(app)/financement/actions";
import { ActionMessage } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { cardBox } from "@/components/ui/card";

/** France Travail files: the reviewer who may see this file (and only their files). */
export function ReviewerForm({ fileId, version, reviewerId, reviewers }: { fileId: string; version: number; reviewerId: string | null; reviewers: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(assignReviewerAction, null);
  return (
    <form action={action} className={cardBox("md", "flex flex-wrap items-end gap-3")} aria-label="Relecteur France Travail">
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="version" value={version} />
      <SelectField label="Relecteur France Travail du dossier" name="reviewerId" defaultValue={reviewerId ?? ""}>
        <option value="">Aucun</option>
        {reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>Attribuer</Button>
      <ActionMessage state={state} success="Relecteur enregistré." />
    </form>
  );
}
