/**
 * Version of the sandbox schema. Bump together with every new migration in sandbox/migrations
 * (it equals the number of committed migrations); the file store rebuilds or migrates templates
 * and sandbox files whose recorded version differs.
 */
export const SANDBOX_SCHEMA_VERSION = 5
