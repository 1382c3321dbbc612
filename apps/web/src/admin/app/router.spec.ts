import { parseRoute, pathFor } from './router';

describe('console routes', () => {
  it.each([
    ['/admin', { page: 'dashboard' }],
    ['/admin/', { page: 'dashboard' }],
    ['/admin/dashboard', { page: 'dashboard' }],
    ['/admin/customers', { page: 'customers' }],
    ['/admin/customers/abc-123', { page: 'customer', id: 'abc-123' }],
    ['/admin/audit', { page: 'audit' }],
    ['/admin/cash', { page: 'cash' }],
    ['/admin/maintenance', { page: 'maintenance' }],
    ['/admin/nope', { page: 'not-found' }],
    ['/admin/cash/extra', { page: 'not-found' }],
    ['/admin/customers/a/b', { page: 'not-found' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('writes paths that read back as the same route', () => {
    const id = 'a b/c';
    expect(parseRoute(pathFor({ page: 'customer', id }))).toEqual({ page: 'customer', id });
    expect(pathFor({ page: 'dashboard' })).toBe('/admin');
    expect(pathFor({ page: 'audit' })).toBe('/admin/audit');
  });
});
