export { openDatabase, type DatabaseHandle, type DatabaseKind, type DatabaseOptions } from './open.js';
export { migrateToLatest, type MigrationReport } from './migrate.js';
export * from './schema.js';
