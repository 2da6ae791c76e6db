import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { describe, test } from 'node:test';
import tls from 'node:tls';
import {
  type ClientHello,
  clientHelloExtent,
  isGrease,
  ja4,
  ja4Parts,
  MAX_CLIENT_HELLO_BYTES,
  parseClientHello,
} from './ja4.ts';

// ---------------------------------------------------------------------------------------------
// Published vector (browserleaks.com JSON for Chrome 143, quoted in public notes): ja4_ro gives the
// wire order, ja4_r the sorted raw form and ja4 the expected fingerprint.
const PUBLISHED = {
  ja4: 't13d1516h2_8daaf6152771_d8a2da3f94cd',
  ja4_r:
    't13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,44cd,fe0d,ff01_0403,0804,0401,0503,0805,0501,0806,0601',
  ciphers: '1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035',
  extensions: '002d,0033,0010,fe0d,0017,44cd,0000,000b,000a,002b,ff01,0023,0012,0005,000d,001b',
  sigs: '0403,0804,0401,0503,0805,0501,0806,0601',
};
const hexList = (s: string) => s.split(',').map((h) => Number.parseInt(h, 16));

/** Encodes a ClientHello record with GREASE values sprinkled in, as Chrome sends them. */
function buildHello(o: {
  ciphers: number[];
  extensions: number[];
  sigs: number[];
  alpn: string[];
  sni?: string;
  versions?: number[];
}): Buffer {
  const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
  const vec16 = (b: Buffer) => Buffer.concat([u16(b.length), b]);
  const vec8 = (b: Buffer) => Buffer.concat([Buffer.from([b.length]), b]);
  const exts: Buffer[] = [Buffer.concat([u16(0x1a1a), u16(0)])];
  for (const e of o.extensions) {
    let data = Buffer.alloc(0);
    if (e === 0x0000 && o.sni) {
      data = vec16(Buffer.concat([Buffer.from([0]), vec16(Buffer.from(o.sni))]));
    } else if (e === 0x0010) {
      data = vec16(Buffer.concat(o.alpn.map((p) => vec8(Buffer.from(p)))));
    } else if (e === 0x000d) {
      data = vec16(Buffer.concat([u16(0x2a2a), ...o.sigs.map(u16)]));
    } else if (e === 0x002b) {
      data = vec8(Buffer.concat([u16(0x3a3a), ...(o.versions ?? [0x0304, 0x0303]).map(u16)]));
    }
    exts.push(Buffer.concat([u16(e), vec16(data)]));
  }
  const body = Buffer.concat([
    u16(0x0303),
    Buffer.alloc(32, 7),
    vec8(Buffer.alloc(32, 1)),
    vec16(Buffer.concat([u16(0x0a0a), ...o.ciphers.map(u16)])),
    vec8(Buffer.from([0])),
    vec16(Buffer.concat(exts)),
  ]);
  const hs = Buffer.concat([
    Buffer.from([1, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff]),
    body,
  ]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), u16(hs.length), hs]);
}

// ---------------------------------------------------------------------------------------------
// An independent JA4 (written from the spec, sharing no code with ja4.ts): walks the raw bytes
// with plain offsets and builds the ja4_r string.

function independentJa4(rec: Buffer): { ja4: string; raw: string } {
  // Join the handshake payload of every record.
  let hs = Buffer.alloc(0);
  for (let o = 0; o < rec.length; ) {
    const n = rec.readUInt16BE(o + 3);
    hs = Buffer.concat([hs, rec.subarray(o + 5, o + 5 + n)]);
    o += 5 + n;
  }
  let p = 4 + 2 + 32;
  p += 1 + hs[p]!;
  const cl = hs.readUInt16BE(p);
  const ciphers: string[] = [];
  for (let i = 0; i < cl; i += 2)
    ciphers.push(
      hs
        .readUInt16BE(p + 2 + i)
        .toString(16)
        .padStart(4, '0'),
    );
  p += 2 + cl;
  p += 1 + hs[p]!;
  const end = p + 2 + hs.readUInt16BE(p);
  p += 2;
  const exts: string[] = [];
  let sigs: string[] = [];
  let alpn = '';
  let version = '';
  const grease = (h: string) => /^([0-9a-f])a\1a$/.test(h);
  while (p < end) {
    const type = hs.readUInt16BE(p).toString(16).padStart(4, '0');
    const len = hs.readUInt16BE(p + 2);
    const d = hs.subarray(p + 4, p + 4 + len);
    if (!grease(type)) exts.push(type);
    if (type === '000d') {
      sigs = [];
      for (let i = 2; i < d.length; i += 2) sigs.push(d.readUInt16BE(i).toString(16).padStart(4, '0'));
      sigs = sigs.filter((s) => !grease(s));
    }
    if (type === '0010' && alpn === '') alpn = d.subarray(3, 3 + d[2]!).toString('latin1');
    if (type === '002b') {
      const vs: number[] = [];
      for (let i = 1; i < d.length; i += 2)
        if (!grease(d.readUInt16BE(i).toString(16))) vs.push(d.readUInt16BE(i));
      version = { 772: '13', 771: '12', 770: '11', 769: '10' }[Math.max(...vs)] ?? '00';
    }
    p += 4 + len;
  }
  if (version === '') version = { 771: '12', 770: '11', 769: '10' }[hs.readUInt16BE(4)] ?? '00';
  const cs = ciphers.filter((c) => !grease(c));
  const a = `t${version}${exts.includes('0000') ? 'd' : 'i'}${String(cs.length).padStart(2, '0')}${String(exts.length).padStart(2, '0')}${alpn === '' ? '00' : alpn[0]! + alpn.at(-1)!}`;
  const b = [...cs].sort().join(',');
  const c0 = exts
    .filter((e) => e !== '0000' && e !== '0010')
    .sort()
    .join(',');
  const c = sigs.length ? `${c0}_${sigs.join(',')}` : c0;
  const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
  return { ja4: `${a}_${h(b)}_${h(c)}`, raw: `${a}_${b}_${c}` };
}

/** Starts a raw TCP server that captures the first ClientHello a client sends, then hangs up. */
async function captureFrom(connect: (port: number) => void | Promise<void>): Promise<Buffer> {
  let resolveHello!: (b: Buffer) => void;
  const got = new Promise<Buffer>((r) => {
    resolveHello = r;
  });
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const ext = clientHelloExtent(buf);
      if ('done' in ext) {
        resolveHello(buf.subarray(0, ext.done));
        sock.destroy();
      }
    });
    sock.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  try {
    await connect(port);
    return await Promise.race([
      got,
      new Promise<Buffer>((_, rej) => setTimeout(() => rej(new Error('no ClientHello captured')), 5000)),
    ]);
  } finally {
    server.close();
  }
}

function nodeClient(opts: tls.ConnectionOptions): (port: number) => void {
  return (port) => {
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...opts });
    s.on('error', () => {});
  };
}

function opensslClient(args: string[]): (port: number) => void {
  return (port) => {
    const p = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, ...args], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    p.on('error', () => {});
    setTimeout(() => p.kill(), 4000).unref();
  };
}

describe('JA4', () => {
  test('published vector: Chrome ClientHello (GREASE, 16 extensions, h2) gives the published JA4', () => {
    const rec = buildHello({
      ciphers: hexList(PUBLISHED.ciphers),
      extensions: hexList(PUBLISHED.extensions),
      sigs: hexList(PUBLISHED.sigs),
      alpn: ['h2', 'http/1.1'],
      sni: 'tls.browserleaks.com',
    });
    const hello = parseClientHello(rec);
    assert.ok(hello);
    assert.equal(hello.serverName, 'tls.browserleaks.com');
    assert.equal(ja4Parts(hello).join('_'), PUBLISHED.ja4_r);
    assert.equal(ja4(hello), PUBLISHED.ja4);
  });

  test('spec example hashes: the cipher and extension strings of the FoxIO README', () => {
    const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
    assert.equal(
      h('002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9'),
      '8daaf6152771',
    );
    // Same extension set as the README example (with padding 0015 and 4469): e5627efa2ab1.
    const hello: ClientHello = {
      legacyVersion: 0x0303,
      ciphers: hexList('1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035'),
      extensions: hexList('0000,0017,ff01,000a,000b,0023,0010,0005,000d,0012,0033,002d,002b,001b,0015,4469'),
      supportedVersions: [0x0304, 0x0303],
      alpn: ['h2'],
      signatureAlgorithms: hexList(PUBLISHED.sigs),
      serverName: 'example.com',
    };
    assert.equal(ja4(hello), 't13d1516h2_8daaf6152771_e5627efa2ab1');
  });

  test('no SNI → i, no ALPN → 00, no signature algorithms → no underscore, TLS 1.2 from legacy version', () => {
    const rec = buildHello({ ciphers: [0xc02f, 0xc030], extensions: [0x000a, 0x000b], sigs: [], alpn: [] });
    const hello = parseClientHello(rec)!;
    const [a, b, c] = ja4Parts(hello);
    assert.equal(a, 't12i0202' + '00');
    assert.equal(b, 'c02f,c030');
    assert.equal(c, '000a,000b');
  });

  test('ALPN with non-alphanumeric ends uses hex digits; counts are capped at 99', () => {
    const many = Array.from({ length: 120 }, (_, i) => 0x0100 + i);
    const hello: ClientHello = {
      legacyVersion: 0x0303,
      ciphers: many,
      extensions: [0x0010],
      supportedVersions: [],
      alpn: ['\x01x\xff'],
      signatureAlgorithms: [],
      serverName: undefined,
    };
    assert.equal(ja4Parts(hello)[0], 't12i9901' + '0f');
  });

  test('GREASE detection', () => {
    for (const g of [0x0a0a, 0x1a1a, 0xfafa]) assert.ok(isGrease(g));
    for (const n of [0x0a1a, 0x1301, 0x0000]) assert.ok(!isGrease(n));
  });

  test('extent: split records, non-TLS bytes, oversize and truncated hellos', () => {
    const rec = buildHello({ ciphers: [0x1301], extensions: [0x002b], sigs: [], alpn: [] });
    assert.deepEqual(clientHelloExtent(rec.subarray(0, 3)), { need: 5 });
    assert.deepEqual(clientHelloExtent(rec), { done: rec.length });
    assert.deepEqual(clientHelloExtent(Buffer.from('GET / HTTP/1.1\r\n')), { invalid: 'not_tls' });
    // The same handshake split over two records.
    const hs = rec.subarray(5);
    const split = Buffer.concat([
      Buffer.from([0x16, 3, 1, 0, 10]),
      hs.subarray(0, 10),
      Buffer.from([0x16, 3, 1, (hs.length - 10) >> 8, (hs.length - 10) & 0xff]),
      hs.subarray(10),
    ]);
    assert.deepEqual(clientHelloExtent(split), { done: split.length });
    assert.equal(ja4(parseClientHello(split)!), ja4(parseClientHello(rec)!));
    const huge = Buffer.from([0x16, 3, 1, 0x40, 0, 1, 0x01, 0, 0]);
    assert.deepEqual(clientHelloExtent(huge), { invalid: 'client_hello_too_large' });
    assert.ok(MAX_CLIENT_HELLO_BYTES === 16384);
    // Truncated inner lengths never throw.
    const broken = Buffer.from(rec);
    broken.writeUInt16BE(0xffff, 5 + 4 + 2 + 32 + 1 + 32);
    assert.equal(parseClientHello(broken), undefined);
  });

  test('real clients: node tls (two configurations) and openssl s_client match an independent JA4', async () => {
    const clients: Array<[string, (port: number) => void]> = [
      [
        'node default + SNI + h2',
        nodeClient({ servername: 'api.example', ALPNProtocols: ['h2', 'http/1.1'] }),
      ],
      [
        'node TLS 1.2 only, two suites, no ALPN, no SNI',
        nodeClient({
          maxVersion: 'TLSv1.2',
          ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384',
        }),
      ],
      ['openssl s_client', opensslClient(['-servername', 'api.example', '-alpn', 'http/1.1'])],
    ];
    const seen = new Set<string>();
    for (const [name, client] of clients) {
      const rec = await captureFrom(client);
      const hello = parseClientHello(rec);
      assert.ok(hello, name);
      const ours = ja4(hello);
      const ref = independentJa4(rec);
      assert.equal(ja4Parts(hello).join('_'), ref.raw, name);
      assert.equal(ours, ref.ja4, name);
      assert.match(ours, /^t1[23][di]\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/, name);
      seen.add(ours);
    }
    assert.equal(seen.size, 3, `three distinct fingerprints: ${[...seen].join(' ')}`);
  });
});
