/** The date in a time zone (YYYY-MM-DD) at a given instant: how "today" reaches the engine, which reads no clock. */
export function localDate(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
