import { request } from 'node:http';
import { connect } from 'node:net';

/** What came back: the status and body, or that the connection failed before any answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** One buffer is sent with a Content-Length; several are sent chunked (no length announced). */
  body?: Buffer | Buffer[];
  timeoutMs?: number;
}

/**
 * An HTTP request with exactly the headers and bytes given (fetch would fix them up), for
 * malformed input. Resolves with the answer even when the server closes the connection while the
 * rest of an oversized body is still being sent; rejects only when no answer came at all.
 */
export function rawRequest(baseUrl: string, spec: RawRequest): Promise<RawResponse> {
  // The path goes out exactly as given (`//x` included), not resolved against the base URL.
  const base = new URL(baseUrl);
  const path = spec.path ?? '/api/messages';
  const chunks = spec.body === undefined ? [] : Array.isArray(spec.body) ? spec.body : [spec.body];
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (!Array.isArray(spec.body) && spec.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(spec.body.length);
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: base.hostname, port: base.port, path, method: spec.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true;
      const received: Buffer[] = [];
      res.on('data', (chunk: Buffer) => received.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(received).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      // The server may close while we still write the rest of a refused body; its answer (parsed
      // a moment later) counts.
      setTimeout(() => {
        if (!answered) reject(error);
      }, 200);
    });
    // A request the server never answers is a finding, not a hung test.
    req.setTimeout(spec.timeoutMs ?? 15000, () => {
      req.destroy(new Error('no answer within the timeout'));
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/**
 * A request whose target goes out byte for byte over a plain socket (`http://[::1/`, `*`):
 * http.request and nock's interceptor parse the target as a URL and refuse such ones. The answer
 * must fit one `Connection: close` response.
 */
export function rawTargetRequest(baseUrl: string, method: string, target: string): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    const socket = connect({ host: base.hostname, port: Number(base.port) }, () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${base.host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    });
    socket.setTimeout(15000, () => socket.destroy(new Error('no answer within the timeout')));
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      const [head, ...body] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const status = Number(statusLine.split(' ')[1]);
      if (!status) return reject(new Error('no answer'));
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status, headers, body: body.join('\r\n\r\n') });
    });
  });
}
