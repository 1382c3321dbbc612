import { type FastifyReply, type FastifyRequest } from 'fastify';
import { WebAppFallback, isConsolePath } from './web-app';

const get = (url: string) => ({ method: 'GET', url }) as FastifyRequest;

describe('web app fallback', () => {
  const fallback = new WebAppFallback('/nonexistent');

  it.each(['/api/v1/nope', 'http://bank.example/api/v1/nope', 'http://bank.example/health?x'])(
    'never answers index.html for the server path %s',
    (url) => {
      expect(fallback.shouldServe(get(url))).toBe(false);
    },
  );

  it.each(['/withdraw', 'http://bank.example/withdraw'])('serves client routes: %s', (url) => {
    expect(fallback.shouldServe(get(url))).toBe(true);
  });

  it.each([
    ['/admin', true],
    ['/admin/', true],
    ['/admin/customers/abc', true],
    ['/administrator', false],
    ['/admins', false],
    ['/', false],
  ])('%s is the admin console: %s', (path, expected) => {
    expect(isConsolePath(path)).toBe(expected);
  });

  it.each([
    ['/admin/customers', 'admin/index.html'],
    ['http://bank.example/admin/audit?type=X', 'admin/index.html'],
    ['/ADMIN', 'admin/index.html'],
    ['/withdraw', 'index.html'],
    ['http://bank.example/administrator', 'index.html'],
  ])('answers %s with %s', (url, page) => {
    const sent: string[] = [];
    const reply = {
      request: get(url),
      status: () => reply,
      header: () => reply,
      sendFile: (file: string) => {
        sent.push(file);
        return reply;
      },
    };
    fallback.serve(reply as unknown as FastifyReply);
    expect(sent).toEqual([page]);
  });
});
