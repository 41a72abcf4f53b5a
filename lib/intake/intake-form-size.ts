// Size limit of a public intake form (issue 23), checked before any parsing: the total length of
// its text values and the number of its fields. Each field has its own limit in the schema too.
import { MAX_FORM_BYTES } from "@/lib/intake/intake.schema";

const MAX_FIELDS = 30;

export function formTooLarge(formData: FormData): boolean {
  let bytes = 0;
  let fields = 0;
  for (const [key, value] of formData.entries()) {
    fields += 1;
    if (typeof value !== "string") return true; // no files on these forms
    bytes += key.length + value.length;
    if (fields > MAX_FIELDS || bytes > MAX_FORM_BYTES) return true;
  }
  return false;
}
