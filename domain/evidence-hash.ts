/**
 * The SHA-256 of an evidence record, computed the same way by the extension (Web Crypto), the
 * reference backend, the import check and `npm run verify-evidence`. docs/evidence.md says how
 * to recompute it with shell tools.
 *
 * The bytes hashed, in this order:
 * 1. the image's length in bytes, as decimal ASCII digits (no sign, no leading zeros);
 * 2. one line feed (0x0A);
 * 3. the image file's bytes (PNG) exactly as stored;
 * 4. the record's canonical JSON (domain/canonical-json.ts), encoded as UTF-8.
 *
 * The length in front fixes where the image ends, so no bytes can move between the image and the
 * JSON without changing the hash.
 */
export function evidenceHashInput(image: Uint8Array, json: string): Uint8Array {
  const head = new TextEncoder().encode(`${image.byteLength}\n`);
  const tail = new TextEncoder().encode(json);
  const out = new Uint8Array(head.byteLength + image.byteLength + tail.byteLength);
  out.set(head, 0);
  out.set(image, head.byteLength);
  out.set(tail, head.byteLength + image.byteLength);
  return out;
}

/** The SHA-256 of an evidence record, as 64 lower-case hex digits. */
export async function evidenceSha256(image: Uint8Array, json: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', evidenceHashInput(image, json) as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes as base64 (the export file and the own contract carry the image so). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  // In slices: String.fromCharCode with a million arguments overflows the stack.
  for (let i = 0; i < bytes.byteLength; i += 0x8000)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.byteLength)));
  return btoa(out);
}

/** Base64 back to bytes; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
