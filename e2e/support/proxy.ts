/**
 * A forward proxy on 127.0.0.1 for the lock tests, as a corporate proxy behaves: it opens
 * `CONNECT host:port` tunnels and forwards plain-HTTP requests written in absolute form, to the
 * hosts it knows (names that resolve nowhere else, mapped to loopback ports), optionally only
 * with `Proxy-Authorization`. It records what it was asked. And a TLS front: a real TLS server
 * with a certificate for those names, signed by a test CA, piping to a plain-HTTP registry.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { freePort, temporaryDir } from './registry.js';

/** What the proxy was asked: `CONNECT registry.corp.test:443` or `GET http://...`. */
export interface ProxiedRequest {
  readonly method: string;
  readonly target: string;
  readonly authorization: string | undefined;
  readonly status: number;
}

/** A running forward proxy. */
export interface RunningProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a proxy that reaches `routes` (`host:port` as asked, to a loopback port). With `auth`,
 * anything without `Proxy-Authorization: Basic user:password` gets 407.
 */
export async function startProxy(routes: Readonly<Record<string, number>>, auth?: { user: string; password: string }): Promise<RunningProxy> {
  const port = await freePort();
  const requests: ProxiedRequest[] = [];
  const expected = auth === undefined ? undefined : `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // Plain HTTP through a proxy: the request line holds the absolute URL.
    const target = new URL(req.url ?? '/');
    const authorization = req.headers['proxy-authorization'];
    const to = routes[`${target.hostname}:${target.port || '80'}`];
    const status = expected !== undefined && authorization !== expected ? 407 : to === undefined ? 502 : 200;
    requests.push({ method: req.method ?? 'GET', target: target.href, authorization, status });
    if (status !== 200) {
      res.writeHead(status, status === 407 ? { 'Proxy-Authenticate': 'Basic realm="test proxy"' } : {}).end();
      return;
    }
    const { 'proxy-authorization': _dropped, ...headers } = req.headers;
    const upstream = httpRequest({ host: '127.0.0.1', port: to, method: req.method, path: `${target.pathname}${target.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const authorization = req.headers['proxy-authorization'];
    const to = routes[target];
    const status = expected !== undefined && authorization !== expected ? 407 : to === undefined ? 502 : 200;
    requests.push({ method: 'CONNECT', target, authorization, status });
    if (status !== 200) {
      client.end(`HTTP/1.1 ${status} ${status === 407 ? 'Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"' : 'Bad Gateway'}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = connect(to as number, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TLS server for `names` in front of a plain-HTTP port, and the CA file that trusts it. */
export interface TlsFront {
  readonly port: number;
  /** The test CA's certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  close(): Promise<void>;
}

/** Makes a test CA and a certificate for `names` with openssl, and serves TLS on a free port, piping to `to`. */
export async function startTlsFront(names: readonly string[], to: number): Promise<TlsFront> {
  const dir = temporaryDir('dockwright-tls-');
  const file = (name: string) => join(dir, name);
  const run = (args: string[]) => {
    const made = spawnSync('openssl', args, { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl ${args[0]} failed: ${made.stderr}`);
  };
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=dockwright test CA']);
  run(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${names[0] ?? 'localhost'}`]);
  writeFileSync(file('san.ext'), `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\n`);
  run(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '1', '-extfile', file('san.ext')]);
  const port = await freePort();
  const sockets = new Set<Socket>();
  const server = createTlsServer({ key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) }, (secure) => {
    const upstream = connect(to, '127.0.0.1');
    secure.pipe(upstream).pipe(secure);
    secure.on('error', () => upstream.destroy());
    upstream.on('error', () => secure.destroy());
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port,
    caFile: file('ca.pem'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
