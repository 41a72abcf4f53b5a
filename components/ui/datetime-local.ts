// <input type="datetime-local"> holds a wall time without a zone; on the platforms it is Paris time
// (docs/architecture.md, « calendrier de Paris »), whatever zone the browser or the server rendering
// the form runs in. The API speaks ISO 8601 instants.
import { parseInstant } from "@/lib/fields.schema";

export { parisDateTimeLocal as toLocalInput } from "@/lib/paris-day";

/** The instant of a datetime-local value read as Paris time (as the API reads it); unparsable values go as typed, for the server to refuse. */
export function localInputToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = parseInstant(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
