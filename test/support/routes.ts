import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';

export interface Route {
  method: string;
  /** OpenAPI style: `/v1/proposals/{id}` */
  path: string;
}

const PATH = 'path';
const METHOD = 'method';

/** Every route the app serves, read from the controllers' own metadata. */
export function servedRoutes(app: INestApplication): Route[] {
  const modules = app.get(ModulesContainer, { strict: false });
  const reflector = app.get(Reflector, { strict: false });
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefixes = [reflector.get<string | string[]>(PATH, metatype) ?? ''].flat();
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = reflector.get<RequestMethod>(METHOD, handler);
      const paths = reflector.get<string | string[]>(PATH, handler);
      if (method === undefined || paths === undefined) continue;
      for (const prefix of prefixes) {
        for (const path of [paths].flat()) {
          const full = `/${[prefix, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/';
          routes.push({ method: RequestMethod[method], path: full.replace(/:(\w+)/g, '{$1}') });
        }
      }
    }
  }
  return routes;
}
