/**
 * Which IP addresses a fetch made for a chat user may reach. Everything that is not the public internet is refused:
 * loopback, private, link-local, carrier-grade NAT, multicast, unspecified, broadcast, reserved and documentation
 * ranges, and cloud metadata services, for IPv4, IPv6, and IPv4 carried inside IPv6 (mapped, compatible, NAT64,
 * 6to4). A refusal names the kind, so the reply can say why.
 */
import { isIP } from 'node:net';

export type AddressKind =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'cloud metadata'
  | 'tunnel';

interface Range {
  bytes: number[];
  bits: number;
  kind: AddressKind;
}

function v4(cidr: string, kind: AddressKind): Range {
  const [ip, bits] = cidr.split('/');
  return { bytes: ipv4Bytes(ip ?? '') ?? [], bits: Number(bits ?? 32), kind };
}

function v6(cidr: string, kind: AddressKind): Range {
  const [ip, bits] = cidr.split('/');
  return { bytes: ipv6Bytes(ip ?? '') ?? [], bits: Number(bits ?? 128), kind };
}

/**
 * Cloud metadata endpoints, refused even when an allow-list entry would cover them: AWS/GCP/Azure/Oracle/DigitalOcean
 * (169.254.169.254), AWS ECS task metadata (169.254.170.2), Azure's wire server (168.63.129.16, a public address),
 * Alibaba (100.100.100.200), the AWS IPv6 endpoint (fd00:ec2::254), Oracle's older 192.0.0.192.
 */
const METADATA: Range[] = [
  v4('169.254.169.254/32', 'cloud metadata'),
  v4('169.254.170.2/32', 'cloud metadata'),
  v4('168.63.129.16/32', 'cloud metadata'),
  v4('100.100.100.200/32', 'cloud metadata'),
  v4('192.0.0.192/32', 'cloud metadata'),
  v6('fd00:ec2::254/128', 'cloud metadata'),
];

/** IANA special-purpose IPv4 registry, every range that is not the public internet. */
const V4_RANGES: Range[] = [
  v4('0.0.0.0/32', 'unspecified'),
  v4('0.0.0.0/8', 'reserved'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'carrier-grade NAT'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

const V6_RANGES: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('100::/64', 'reserved'),
  v6('2001::/32', 'tunnel'),
  v6('2001:2::/48', 'reserved'),
  v6('2001:db8::/32', 'documentation'),
  v6('2001:10::/28', 'reserved'),
  v6('2001:20::/28', 'reserved'),
  v6('3fff::/20', 'documentation'),
  v6('5f00::/16', 'reserved'),
  v6('fc00::/7', 'private'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'),
  v6('ff00::/8', 'multicast'),
];

/** Prefixes that carry an IPv4 address in their last 32 bits (mapped, compatible, NAT64 well-known and local). */
const V4_IN_V6_TAIL: Range[] = [
  v6('::ffff:0:0/96', 'reserved'),
  v6('::/96', 'reserved'),
  v6('64:ff9b::/96', 'reserved'),
  v6('64:ff9b:1::/48', 'reserved'),
  v6('::ffff:0:0:0/96', 'reserved'),
];

export function ipv4Bytes(text: string): number[] | null {
  if (isIP(text) !== 4) return null;
  return text.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (zone ids and brackets allowed), or null. */
export function ipv6Bytes(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (isIP(s) !== 6) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    tail = ipv4Bytes(last) ?? [];
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = s.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(fill).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 ? bytes : null;
}

function inRange(bytes: number[], range: Range): boolean {
  if (bytes.length !== range.bytes.length) return false;
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** An address the guard knows how to read: its bytes (4 or 16) and, for IPv6 carrying IPv4, that IPv4. */
function parse(address: string): { bytes: number[]; inner: number[] | null } | null {
  const b4 = ipv4Bytes(address);
  if (b4) return { bytes: b4, inner: null };
  const b6 = ipv6Bytes(address);
  if (!b6) return null;
  let inner: number[] | null = null;
  // :: and ::1 are themselves (unspecified, loopback), not the IPv4 addresses 0.0.0.0 and 0.0.0.1.
  const special = b6.slice(0, 15).every((x) => x === 0) && (b6[15] ?? 0) <= 1;
  if (!special && V4_IN_V6_TAIL.some((r) => inRange(b6, r))) inner = b6.slice(12);
  // 6to4 (2002::/16) carries the IPv4 address in bytes 2..5.
  else if (b6[0] === 0x20 && b6[1] === 0x02) inner = b6.slice(2, 6);
  return { bytes: b6, inner };
}

/** The address an IPv6 one stands for when it carries IPv4 (`::ffff:7f00:1` -> `127.0.0.1`), else itself. */
export function effectiveAddress(address: string): string {
  const p = parse(address);
  if (p?.inner) return p.inner.join('.');
  return address.replace(/^\[|\]$/g, '');
}

function kindOf(bytes: number[]): AddressKind | null {
  const table = bytes.length === 4 ? V4_RANGES : V6_RANGES;
  for (const r of table) if (inRange(bytes, r)) return r.kind;
  return null;
}

/** Allowed exceptions, from NEWSROOM_FETCH_ALLOW: addresses or CIDR ranges (`127.0.0.1`, `127.0.0.0/8`, `::1`). */
export class AllowList {
  private readonly ranges: Range[];

  constructor(entries: readonly string[]) {
    this.ranges = entries.map((e) => {
      const range = parseCidr(e);
      if (!range) throw new Error(`not an IP address or CIDR range: "${e}"`);
      return range;
    });
  }

  get size(): number {
    return this.ranges.length;
  }

  covers(bytes: number[]): boolean {
    return this.ranges.some((r) => inRange(bytes, r));
  }
}

/** `ADDRESS` or `ADDRESS/BITS` (IPv4 or IPv6) as a range; null when it is neither. */
export function parseCidr(entry: string): Range | null {
  const [ip = '', bitsText, more] = entry.trim().split('/');
  if (more !== undefined) return null;
  const bytes = ipv4Bytes(ip) ?? ipv6Bytes(ip);
  if (!bytes) return null;
  const max = bytes.length * 8;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > max || !/^\d*$/.test(bitsText ?? '')) return null;
  return { bytes, bits, kind: 'reserved' };
}

/**
 * Null when a fetch may connect to `address`; otherwise the kind of address it is. Cloud metadata is refused
 * whatever the allow-list says; any other kind is allowed when the allow-list covers the address (or the IPv4
 * address an IPv6 one carries). Text that is not an IP address is refused as reserved.
 */
export function forbiddenKind(address: string, allow?: AllowList): AddressKind | null {
  const p = parse(address);
  if (!p) return 'reserved';
  if (inMetadata(p.bytes) || (p.inner && inMetadata(p.inner))) return 'cloud metadata';
  // An IPv6 address carrying IPv4 is judged by the IPv4 address it carries; the carrier prefix itself is fine.
  const kind = p.inner ? kindOf(p.inner) : kindOf(p.bytes);
  if (kind === null) return null;
  if (allow?.covers(p.bytes) || (p.inner && allow?.covers(p.inner))) return null;
  return kind;
}

function inMetadata(bytes: number[]): boolean {
  return METADATA.some((r) => inRange(bytes, r));
}
