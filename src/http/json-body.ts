import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import secureJson from 'secure-json-parse';

/**
 * Reads a request body as JSON, refusing before anything else looks at it: a size limit, only
 * `application/json` in UTF-8, no content coding, no excessive nesting, no prototype keys.
 * Every refusal is a status and a short code; nothing here can throw past its caller.
 */

/** Bot Framework activities are a few kilobytes; a card action with long typed answers stays far below this. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Real activities nest about six levels (invoke value → action → data); deeper is abuse. */
export const MAX_JSON_DEPTH = 32;

export type BodyRefusal = { ok: false; status: 400 | 413 | 415; reason: string };
export type BodyResult = { ok: true; value: unknown } | BodyRefusal;

export interface BodyLimits {
  maxBytes: number;
  maxDepth: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses the body, or says why not. */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits = { maxBytes: BODY_LIMIT_BYTES, maxDepth: MAX_JSON_DEPTH }): Promise<BodyResult> {
  const mediaType = checkMediaType(req.headers['content-type']);
  if (mediaType) return mediaType;
  // No Bot Framework channel compresses its requests, so a content coding only ever comes from
  // someone else: refusing it keeps decompression (and its bombs and stream errors) out entirely.
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity' && coding !== '') return { ok: false, status: 415, reason: 'content_encoding' };

  let bytes: Buffer;
  try {
    bytes = await getRawBody(req, { limit: limits.maxBytes, length: req.headers['content-length'] });
  } catch (error) {
    const type = (error as { type?: string }).type;
    return type === 'entity.too.large' ? { ok: false, status: 413, reason: 'too_large' } : { ok: false, status: 400, reason: 'unreadable_body' };
  }

  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, reason: 'invalid_utf8' };
  }
  if (nestingExceeds(text, limits.maxDepth)) return { ok: false, status: 400, reason: 'too_deep' };
  try {
    return { ok: true, value: secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }) };
  } catch {
    return { ok: false, status: 400, reason: 'invalid_json' };
  }
}

/** `application/json`, optionally with `charset=utf-8`; anything else is 415. */
function checkMediaType(header: string | undefined): BodyRefusal | undefined {
  if (!header) return { ok: false, status: 415, reason: 'content_type' };
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return { ok: false, status: 415, reason: 'content_type' };
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') return { ok: false, status: 415, reason: 'charset' };
  }
  return undefined;
}

/**
 * True when arrays/objects nest deeper than `maxDepth`, counted without parsing so that a deep
 * document is refused before anything recursive (a schema check, a stringify) walks it.
 */
export function nestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}
