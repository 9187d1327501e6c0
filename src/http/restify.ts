import type * as Restify from 'restify';

/**
 * restify, loaded once for the whole bot. Import it from here, never from 'restify' directly:
 * restify 11 loads `spdy` (unused here: plain HTTP), whose `http-deceiver` touches
 * `process.binding('http_parser')` at load time, and Node prints a DEP0111 warning for it on every
 * start. Only that load runs with deprecation warnings off; they are on again right after.
 *
 * Loading restify also adds its methods to Node's `http.IncomingMessage` and `ServerResponse`
 * prototypes, for the whole process. Azurite's blob service cannot work beside that (its Express
 * app then skips parsing the query string: 400 on every container request), so Azurite never runs
 * in a process that loads this module: see src/storage/azurite-process.ts.
 */
function loadRestify(): typeof Restify {
  const warningsWereOff = process.noDeprecation;
  process.noDeprecation = true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must run between the two assignments
    return require('restify') as typeof Restify;
  } finally {
    process.noDeprecation = warningsWereOff;
  }
}

export const restify = loadRestify();
export type { Formatters, Request, Response, Server } from 'restify';
