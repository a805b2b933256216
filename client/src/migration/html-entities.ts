// The SPA stored message text HTML-escaped ("I&#x27;m"); Firestore keeps plain text and the SPA
// escapes when it renders. One pass, so "&amp;lt;" becomes "&lt;" and not "<".
// A Map: "&constructor;" in a message must stay text, not find Object's.
const NAMED = new Map(Object.entries({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }));

export function unescapeHtml(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g,
    (entity, dec?: string, hex?: string, name?: string) => {
      if (name) return NAMED.get(name) ?? entity;
      const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : entity;
    },
  );
}

/** What the SPA's sanitizer escapes, and to what; unescapeHtml undoes exactly this. */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
  "/": "&#x2F;",
};

/** Plain text as the SPA's store keeps it (escaped), so unescapeHtml(escapeHtml(t)) === t. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'/]/g, (char) => ESCAPES[char] ?? char);
}
