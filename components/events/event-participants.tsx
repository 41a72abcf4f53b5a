"use client";
// Registration and attendance on the event page. Each row has its own small form, labelled with
// the participant's name so screen-reader users know which row a control belongs to.
import { useActionState, useState } from "react";
import { registerParticipantAction, setAttendanceAction, unregisterJobSeekerAction } from "@/app/(app)/evenements/actions";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Combobox } from "@/components/ui/combobox";
import { PickField } from "@/components/ui/pick-field";
import { ATTENDANCE, ATTENDANCE_LABELS, type ParticipantType } from "@/lib/events/event.rules";
import type { ParticipantDto } from "@/lib/events/event.schema";
import { stackOnPhone, TableScroll } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";

const TYPE_LABELS: Record<ParticipantType, string> = { JOB_SEEKER: "Demandeur d'emploi", COMPANY: "Entreprise", CHEF_DE_FILE: "Chef de file" };

function AttendanceForm({ eventId, p }: { eventId: string; p: ParticipantDto }) {
  const [state, action, pending] = useActionState(setAttendanceAction, null);
  const key = `${p.type}-${p.id}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={`Présence : ${p.name}`}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="type" value={p.type} />
      <input type="hidden" name="participantId" value={p.id} />
      <SelectField label="Présence" name="attendance" id={`att-${key}`} options={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))} defaultValue={p.attendance} placeholder={null} />
      <Button type="submit" variant="secondary" disabled={pending}>Noter<span className="sr-only"> la présence de {p.name}</span></Button>
      {state && !state.ok ? <p role="status" className="w-full text-sm text-danger">{state.message}</p> : null}
    </form>
  );
}

function UnregisterButton({ eventId, p }: { eventId: string; p: ParticipantDto }) {
  const [state, action, pending] = useActionState(unregisterJobSeekerAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(`Désinscrire ${p.name} ? La première personne de la liste d'attente prendra sa place.`)) e.preventDefault(); }}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="jobSeekerId" value={p.id} />
      <Button type="submit" variant="danger" disabled={pending}>Désinscrire<span className="sr-only"> {p.name}</span></Button>
      {state && !state.ok ? <p role="status" className="text-sm text-danger">{state.message}</p> : null}
    </form>
  );
}

export function ParticipantsTable({ eventId, participants, editable }: { eventId: string; participants: ParticipantDto[]; editable: boolean }) {
  if (participants.length === 0) return <p className="text-sm text-muted">Aucun participant inscrit pour le moment.</p>;
  return (
    <TableScroll label="Participants">
    <table role="table" className={cn("w-full text-left text-sm", stackOnPhone.table)}>
      <caption className="sr-only">Participants</caption>
      <thead role="rowgroup" className={stackOnPhone.thead}>
        <tr role="row" className="bg-gray-100">
          <th role="columnheader" scope="col" className="px-2 py-1">Participant</th>
          <th role="columnheader" scope="col" className="px-2 py-1">Type</th>
          <th role="columnheader" scope="col" className="px-2 py-1">Inscription</th>
          <th role="columnheader" scope="col" className="px-2 py-1">{editable ? "Présence" : "Présence notée"}</th>
          {editable ? <th role="columnheader" scope="col" className="px-2 py-1"><span className="sr-only">Désinscription</span></th> : null}
        </tr>
      </thead>
      <tbody role="rowgroup" className={stackOnPhone.tbody}>
        {participants.map((p) => (
          <tr role="row" key={`${p.type}-${p.id}`} className={cn("border-t border-gray-200 align-top", stackOnPhone.tr)}>
            <td role="cell" className={cn("px-2 py-2 font-medium", stackOnPhone.td)}>{p.name}{p.young ? <span className="ml-2 rounded border border-brand-600 px-1 text-xs">moins de 26 ans</span> : null}</td>
            <td role="cell" className={cn("px-2 py-2", stackOnPhone.td)}>{TYPE_LABELS[p.type]}</td>
            <td role="cell" className={cn("px-2 py-2", stackOnPhone.td)} data-testid={`registration-${p.id}`}>{p.waitlisted ? "Liste d'attente" : "Place confirmée"}</td>
            <td role="cell" className={cn("px-2 py-2", stackOnPhone.td)}>{editable ? <AttendanceForm eventId={eventId} p={p} /> : ATTENDANCE_LABELS[p.attendance]}</td>
            {editable ? <td role="cell" className={cn("px-2 py-2", stackOnPhone.td)}>{p.type === "JOB_SEEKER" ? <UnregisterButton eventId={eventId} p={p} /> : null}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

/** Job seekers and companies are searched on the server (the event's platform); chefs de file come as a list. */
export function RegisterForm({ eventId, platformId, chefs }: { eventId: string; platformId: string; chefs: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(registerParticipantAction, null);
  const [type, setType] = useState<ParticipantType>("JOB_SEEKER");
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" aria-labelledby="register-title">
      <h3 id="register-title" className="w-full text-base font-semibold">Inscrire un participant</h3>
      <input type="hidden" name="eventId" value={eventId} />
      <SelectField label="Type de participant" name="type" options={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={type} onChange={(e) => setType(e.target.value as ParticipantType)} placeholder={null} />
      {type === "CHEF_DE_FILE" ? (
        <PickField key={type} label={TYPE_LABELS[type]} name="participantId" options={chefs.map((c) => ({ value: c.id, label: c.label }))} placeholder="— Choisir —" error={fields?.participantId?.[0]} className="min-w-64" />
      ) : (
        <Combobox
          key={type}
          label={TYPE_LABELS[type]}
          name="participantId"
          hint={type === "JOB_SEEKER" ? "Nom, e-mail ou commune" : "Nom, SIRET ou commune"}
          searchUrl={type === "JOB_SEEKER" ? `/api/v1/pickers/job-seekers?platformId=${platformId}` : "/api/v1/pickers/companies"}
          error={fields?.participantId?.[0]}
          className="min-w-72"
        />
      )}
      <Button type="submit" disabled={pending}>Inscrire</Button>
      <p aria-live="polite" className="w-full text-sm">
        {state?.ok ? (state.data.placement === "WAITLISTED" ? "Capacité atteinte : inscription en liste d'attente." : "Inscription enregistrée.") : state ? <span className="text-danger">{state.message}</span> : null}
      </p>
    </form>
  );
}
