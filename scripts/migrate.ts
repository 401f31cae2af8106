import { getEnv } from '#app/utils/env.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'

const env = getEnv()
const db = openDb(env.DATABASE_PATH)
migrateDb(db)
db.$client.close()
console.log(`Migrations applied to ${env.DATABASE_PATH}.`)
