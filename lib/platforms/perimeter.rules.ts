// A platform's perimeter is chosen by EPCI and/or commune; it is stored as INSEE commune codes and
// its population is the sum of the communes' (INSEE reference). Pure.

export interface CommuneRef {
  inseeCode: string;
  epciCode: string | null;
  population: number;
}

export interface Perimeter {
  inseeCodes: string[];
  population: number;
  unknownCommunes: string[];
  unknownEpcis: string[];
}

export function resolvePerimeter(reference: readonly CommuneRef[], epciCodes: readonly string[], communeCodes: readonly string[]): Perimeter {
  const byCode = new Map(reference.map((c) => [c.inseeCode, c]));
  const epcis = new Set(epciCodes);
  const chosen = new Map<string, CommuneRef>();
  const seenEpcis = new Set<string>();
  for (const c of reference) {
    if (c.epciCode && epcis.has(c.epciCode)) {
      chosen.set(c.inseeCode, c);
      seenEpcis.add(c.epciCode);
    }
  }
  const unknownCommunes: string[] = [];
  for (const code of communeCodes) {
    const c = byCode.get(code);
    if (c) chosen.set(code, c);
    else unknownCommunes.push(code);
  }
  const inseeCodes = [...chosen.keys()].sort();
  return {
    inseeCodes,
    population: inseeCodes.reduce((n, code) => n + (chosen.get(code)?.population ?? 0), 0),
    unknownCommunes: [...new Set(unknownCommunes)],
    unknownEpcis: [...epcis].filter((e) => !seenEpcis.has(e)),
  };
}

/** The EPCIs wholly inside a perimeter, and the communes outside them: how the form shows it again. */
export function splitPerimeter(reference: readonly CommuneRef[], inseeCodes: readonly string[]): { epciCodes: string[]; communeCodes: string[] } {
  const inside = new Set(inseeCodes);
  const byEpci = new Map<string, string[]>();
  for (const c of reference) if (c.epciCode) byEpci.set(c.epciCode, [...(byEpci.get(c.epciCode) ?? []), c.inseeCode]);
  const epciCodes = [...byEpci.entries()].filter(([, codes]) => codes.length > 0 && codes.every((c) => inside.has(c))).map(([e]) => e).sort();
  const covered = new Set(epciCodes.flatMap((e) => byEpci.get(e) ?? []));
  return { epciCodes, communeCodes: inseeCodes.filter((c) => !covered.has(c)) };
}
