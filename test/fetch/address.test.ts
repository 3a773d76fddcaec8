import { describe, expect, it } from 'vitest';
import { AllowList, effectiveAddress, forbiddenKind, ipv6Bytes, parseCidr } from '../../src/fetch/address.ts';

describe('forbiddenKind', () => {
  const cases: [string, string | null][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.170.2', 'cloud metadata'],
    ['168.63.129.16', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'multicast'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['2001:db8::1', 'documentation'],
    // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4, in every spelling.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['::ffff:100.64.0.1', 'carrier-grade NAT'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'cloud metadata'],
    ['not an address', 'reserved'],
    // The public internet.
    ['8.8.8.8', null],
    ['93.184.216.34', null],
    ['172.32.0.1', null],
    ['100.128.0.1', null],
    ['2606:4700:4700::1111', null],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::8.8.8.8', null],
  ];
  it.each(cases)('%s -> %s', (address, kind) => {
    expect(forbiddenKind(address)).toBe(kind);
  });

  it('lets the allow-list open loopback and private ranges, never cloud metadata', () => {
    const allow = new AllowList(['127.0.0.0/8', '::1', '10.0.0.0/8', '169.254.0.0/16', '0.0.0.0/0']);
    expect(forbiddenKind('127.0.0.1', allow)).toBeNull();
    expect(forbiddenKind('::ffff:127.0.0.1', allow)).toBeNull();
    expect(forbiddenKind('::1', allow)).toBeNull();
    expect(forbiddenKind('10.9.9.9', allow)).toBeNull();
    expect(forbiddenKind('169.254.169.254', allow)).toBe('cloud metadata');
    expect(forbiddenKind('::ffff:169.254.169.254', allow)).toBe('cloud metadata');
    expect(forbiddenKind('fd00:ec2::254', allow)).toBe('cloud metadata');
    expect(forbiddenKind('fd00::1', allow)).toBe('private');
  });

  it('an allow-list of one address opens that address only', () => {
    const allow = new AllowList(['127.0.0.1']);
    expect(forbiddenKind('127.0.0.1', allow)).toBeNull();
    expect(forbiddenKind('127.0.0.2', allow)).toBe('loopback');
    expect(forbiddenKind('::1', allow)).toBe('loopback');
  });
});

describe('address parsing', () => {
  it('reads IPv6 in every form', () => {
    expect(ipv6Bytes('::1')).toEqual([...Array(15).fill(0), 1]);
    expect(ipv6Bytes('[::ffff:1.2.3.4]')).toEqual([...Array(10).fill(0), 255, 255, 1, 2, 3, 4]);
    expect(ipv6Bytes('1.2.3.4')).toBeNull();
    expect(effectiveAddress('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(effectiveAddress('2606:4700::1')).toBe('2606:4700::1');
  });

  it('parses CIDR entries and rejects nonsense', () => {
    expect(parseCidr('127.0.0.0/8')?.bits).toBe(8);
    expect(parseCidr('::1')?.bits).toBe(128);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('localhost')).toBeNull();
    expect(parseCidr('1.2.3.4/8/9')).toBeNull();
    expect(() => new AllowList(['nope'])).toThrow(/not an IP address/);
  });
});
