import { isApiRequest, isCustomerApiRoute, requestPath } from './request-route';

describe('request routes', () => {
  it.each([
    ['/api/v1/accounts?limit=5', '/api/v1/accounts'],
    ['http://bank.example/api/v1/accounts', '/api/v1/accounts'],
    ['HTTPS://bank.example:8443/api/v1/x?y=1', '/api/v1/x'],
    ['http://bank.example', '/'],
    ['http://bank.example?x=/api/', '/'],
    ['/docsfoo', '/docsfoo'],
  ])('reads the path of %s as %s', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });

  it('judges an unmatched request by its path and a matched one by its route', () => {
    expect(isApiRequest({ url: 'http://h/api/v1/nope' })).toBe(true);
    expect(isApiRequest({ url: '/apiary' })).toBe(false);
    expect(isApiRequest({ url: 'http://h/health', routeOptions: { url: '/health' } })).toBe(false);
    expect(
      isApiRequest({ url: 'http://h/api/v1/accounts', routeOptions: { url: '/api/v1/accounts' } }),
    ).toBe(true);
  });

  it('stops customer routes in maintenance, never admin, health or the console', () => {
    for (const route of [
      '/api/v1/accounts/:id/withdrawals',
      '/api/v1/auth/login',
      '/api/v1/transfers',
    ]) {
      expect(isCustomerApiRoute(route)).toBe(true);
    }
    for (const route of [
      '/api/v1/admin/auth/login',
      '/api/v1/admin',
      '/admin',
      '/health',
      '/ready',
      '/metrics',
      '/api/v1/administrator',
    ]) {
      expect(isCustomerApiRoute(route)).toBe(route === '/api/v1/administrator');
    }
  });
});
