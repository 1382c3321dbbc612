import { type FastifyRequest } from 'fastify';
import { WebAppFallback } from './web-app';

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
});
