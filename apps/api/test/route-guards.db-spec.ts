import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../src/common/public.decorator';
import { TestApp } from './support/test-app';

/**
 * Authenticated by default: every route needs a session unless it carries @Public(). This
 * lists the routes and fails on a public one that is not on the list below.
 */
const EXPECTED_PUBLIC = [
  'GET /health',
  'GET /ready',
  'GET /metrics',
  'POST /api/v1/auth/login',
  'POST /api/v1/admin/auth/login',
];

describe('route guards', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ seed: false });
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists exactly the expected public routes; every other route needs a session', async () => {
    const routes: Array<{ route: string; isPublic: boolean }> = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
        if (!controller) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
        const classPublic = Reflect.getMetadata(IS_PUBLIC_KEY, controller) === true;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(
            /\/+/g,
            '/',
          );
          routes.push({
            route: `${method} ${full}`,
            isPublic: classPublic || Reflect.getMetadata(IS_PUBLIC_KEY, handler) === true,
          });
        }
      }
    }
    expect(routes.length).toBeGreaterThan(10);
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => r.route)
        .sort(),
    ).toEqual([...EXPECTED_PUBLIC].sort());
    for (const { route } of routes.filter((r) => !r.isPublic)) {
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path.replace(/:\w+/g, '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11');
      const response = await t.request(method as 'GET' | 'POST', concrete, { body: {} });
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
    }
  });
});
