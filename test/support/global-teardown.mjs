export default async function globalTeardown() {
  const { teardown } = await import('./test-environment.ts');
  await teardown();
}
