import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** A list of addresses and CIDR ranges (as validated by the config) to test client IPs against. */
export class NetworkAllowlist {
  private readonly list = new BlockList();

  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const type = isIPv6(address) ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(prefix), type);
    }
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** IPv4 clients seen through an IPv6 socket (`::ffff:10.0.0.1`) are checked as IPv4. */
  allows(ip: string): boolean {
    const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip;
    if (isIPv4(address)) return this.list.check(address, 'ipv4');
    if (isIPv6(address)) return this.list.check(address, 'ipv6');
    return false;
  }
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopbackAddress(ip: string): boolean {
  const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip;
  return address === '::1' || (isIPv4(address) && address.startsWith('127.'));
}
