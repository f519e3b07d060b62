/**
 * The DOM reads both drivers run inside the page, written once. Each is sent as source, so it
 * must stand alone (no imports, no closures).
 */
export const read = {
  value: (s: string) => (document.querySelector(s) as HTMLInputElement | null)?.value ?? null,
  text: (s: string) => document.querySelector(s)?.textContent ?? null,
  texts: (s: string) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''),
  count: (s: string) => document.querySelectorAll(s).length,
  attribute: ([s, name]: [string, string]) => document.querySelector(s)?.getAttribute(name) ?? null,
};
