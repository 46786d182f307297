/** Vitest global setup: one PostgreSQL cluster for the whole run; each test file makes its own database. */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
