// The sections of a job seeker's record (annex 1 art. 2), in the order of the edit page: required
// fields first. Shared by the edit page's in-page navigation and its section forms.
export type SectionId = "identite" | "coordonnees" | "mobilite" | "besoins" | "formation" | "situation" | "competences" | "statuts";

export const JOB_SEEKER_SECTIONS: readonly { id: SectionId; label: string }[] = [
  { id: "identite", label: "Identité et suivi" },
  { id: "coordonnees", label: "Coordonnées" },
  { id: "mobilite", label: "Mobilité" },
  { id: "besoins", label: "Besoins d'accompagnement" },
  { id: "formation", label: "Formation" },
  { id: "situation", label: "Situation et projet" },
  { id: "competences", label: "Compétences" },
  { id: "statuts", label: "Statuts" },
];
