/** Field types shared by the mention and its thread snapshot (kept apart so neither imports the other). */
import { z } from 'zod';

/** An ISO-8601 instant in UTC, e.g. 2026-11-23T09:15:00.000Z. */
export const IsoInstantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'expected an ISO-8601 UTC instant');

/** Only http(s) URLs are kept: a `javascript:` or `data:` permalink from a hostile page is refused. */
export const HttpUrlSchema = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'expected an http(s) URL');
