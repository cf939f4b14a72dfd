export { databaseAdapter } from './adapter'
export { listMigrationNames } from './migrationFiles'
export { inspectSchema, type SchemaState } from './inspectSchema'
export { runAfterCommit } from './afterCommit'
