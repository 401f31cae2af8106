import path from 'node:path'
import { getEnv } from '#app/utils/env.server.ts'
import { backupAll } from '#db/backup.server.ts'

// `npm run db:backup [-- <folder>]`: safe while the server runs (SQLite online backup API).
const env = getEnv()
const root = process.argv[2] ?? path.join(path.dirname(env.DATABASE_PATH), 'backups')
const result = await backupAll({ databasePath: env.DATABASE_PATH, sandboxDir: env.SANDBOX_DIR, backupRoot: root, now: Date.now() })
console.log(`Backup written to ${result.directory}: the database and ${result.sandboxes.length} sandbox file(s), ${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity checked.`)
console.log(`Restore (server stopped): npm run db:restore -- ${result.directory}`)
