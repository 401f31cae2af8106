import { getEnv } from '#app/utils/env.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { demoLoginsText, isEmpty, seedDemo } from '#db/seed/demo.server.ts'

/** Migrates and, on an empty database, loads the demo. Used by `npm start` and `npm run dev`. */
export async function prepareDb() {
	const env = getEnv()
	const db = openDb(env.DATABASE_PATH)
	try {
		migrateDb(db)
		if (isEmpty(db)) {
			const counts = await seedDemo(db, Date.now())
			console.log(`Empty database: loaded the demo (${counts.create} municipalities) into ${env.DATABASE_PATH}.`)
		}
	} finally {
		db.$client.close()
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await prepareDb()
	console.log(demoLoginsText())
}
