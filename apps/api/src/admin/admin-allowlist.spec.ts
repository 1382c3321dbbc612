import { isLoopbackAddress, NetworkAllowlist } from '../common';
import { isAdminPath } from './admin-allowlist';
import { roleAllows } from './identity/admin-role.guard';

describe('the admin API edges', () => {
  it('knows the console and admin API paths, in origin and absolute form, and nothing else', () => {
    for (const path of [
      '/admin',
      '/admin/',
      '/admin/customers?x=1',
      '/ADMIN',
      '/api/v1/admin/dashboard',
      'http://atm.example/api/v1/admin/cash',
    ]) {
      expect({ path, admin: isAdminPath(path) }).toEqual({ path, admin: true });
    }
    for (const path of [
      '/',
      '/administrator',
      '/api/v1/accounts',
      '/api/v1/administer',
      '/assets/admin.js',
    ]) {
      expect({ path, admin: isAdminPath(path) }).toEqual({ path, admin: false });
    }
  });

  it('matches client addresses against CIDRs, IPv4-mapped IPv6 included', () => {
    const list = new NetworkAllowlist(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32']);
    expect(list.allows('10.20.30.40')).toBe(true);
    expect(list.allows('::ffff:10.20.30.40')).toBe(true);
    expect(list.allows('192.0.2.7')).toBe(true);
    expect(list.allows('192.0.2.8')).toBe(false);
    expect(list.allows('2001:db8::1')).toBe(true);
    expect(list.allows('not-an-ip')).toBe(false);
  });

  it('treats 127.0.0.0/8 and ::1 as loopback, nothing else', () => {
    for (const ip of ['127.0.0.1', '127.5.5.5', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(ip)).toBe(true);
    for (const ip of ['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', '::2'])
      expect(isLoopbackAddress(ip)).toBe(false);
  });

  it('orders the roles VIEWER < OPERATOR < ADMIN', () => {
    expect(roleAllows('ADMIN', 'OPERATOR')).toBe(true);
    expect(roleAllows('OPERATOR', 'OPERATOR')).toBe(true);
    expect(roleAllows('OPERATOR', 'ADMIN')).toBe(false);
    expect(roleAllows('VIEWER', 'OPERATOR')).toBe(false);
  });
});
