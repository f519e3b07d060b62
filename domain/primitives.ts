/** Field types shared by the mention and its thread snapshot (kept apart so neither imports the other). */
import { z } from 'zod';
import { ISO_INSTANT, isHttpUrl, MAX_URL_CHARS } from './field-rules';

/** An ISO-8601 instant in UTC, e.g. 2026-11-23T09:15:00.000Z. */
export const IsoInstantSchema = z.string().regex(ISO_INSTANT, 'expected an ISO-8601 UTC instant');

/** Only http(s) URLs are kept: a `javascript:` or `data:` permalink from a hostile page is refused. */
export const HttpUrlSchema = z.string().max(MAX_URL_CHARS).refine(isHttpUrl, 'expected an http(s) URL');
