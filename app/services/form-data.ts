/** A form field that carries JSON; null when it is missing or not JSON (the schema then reports what is wrong). */
export function parseJsonField(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
