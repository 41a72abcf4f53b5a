// Role and platform fields shared by the invitation form and the account page.
import { ROLE_LABELS } from "@/lib/nav";
import { SelectField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icons";

export interface RoleOption {
  value: string;
  label: string;
}

export function roleOptions(roles: readonly string[]): RoleOption[] {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r }));
}

export function AccessFields(props: {
  roles: RoleOption[];
  platforms: { id: string; name: string }[];
  defaults?: { role: string; platformIds: string[]; allPlatforms: boolean };
  errors?: Record<string, string[] | undefined>;
  canAllPlatforms: boolean;
}) {
  const err = props.errors ?? {};
  return (
    <>
      <SelectField label="Rôle" name="role" defaultValue={props.defaults?.role ?? props.roles[0]?.value} error={err.role?.[0]}>
        {props.roles.map((r) => (
          <option key={r.value} value={r.value}>{r.label}</option>
        ))}
      </SelectField>
      <fieldset className="flex flex-col gap-1" aria-describedby={err.platformIds ? "field-platformIds-error" : "field-platformIds-hint"}>
        <legend className="text-sm font-medium">Plateformes</legend>
        <p id="field-platformIds-hint" className="text-xs text-muted">Obligatoire pour les assistant·es et responsables ; aucune pour l&apos;administration et France Travail.</p>
        {props.platforms.length === 0 ? <p className="text-sm text-muted">Aucune plateforme active.</p> : null}
        {props.platforms.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="platformIds" value={p.id} defaultChecked={props.defaults?.platformIds.includes(p.id)} />
            {p.name}
          </label>
        ))}
        {props.canAllPlatforms ? (
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name="allPlatforms" value="true" defaultChecked={props.defaults?.allPlatforms} />
            Toutes les plateformes (rôles Région et DPO)
          </label>
        ) : null}
        {err.platformIds || err.allPlatforms ? (
          <p id="field-platformIds-error" className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{(err.platformIds ?? err.allPlatforms)?.[0]}</p>
        ) : null}
      </fieldset>
    </>
  );
}
