"use client";

import { useActionState } from "react";
import { assignReviewerAction } from "@/app/(app)/financement/actions";
import { ActionMessage } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";

/** France Travail files: the reviewer who may see this file (and only their files). */
export function ReviewerForm({ fileId, version, reviewerId, reviewers }: { fileId: string; version: number; reviewerId: string | null; reviewers: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(assignReviewerAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-gray-300 bg-white p-4" aria-label="Relecteur France Travail">
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-reviewerId" className="text-sm font-medium">Relecteur France Travail du dossier</label>
        <select id="field-reviewerId" name="reviewerId" defaultValue={reviewerId ?? ""} className="rounded border border-gray-400 px-3 py-2">
          <option value="">Aucun</option>
          {reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>Attribuer</Button>
      <ActionMessage state={state} success="Relecteur enregistré." />
    </form>
  );
}
