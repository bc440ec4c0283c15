// Jest loads this file with Node's own ESM loader (no transform), so the TypeScript it imports
// runs through Node's type stripping; relative `.js` specifiers are resolved to their `.ts` source.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});

export default async function globalSetup() {
  const { setup } = await import('./test-environment.ts');
  await setup();
}
