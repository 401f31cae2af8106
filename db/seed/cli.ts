import { getEnv } from '#app/utils/env.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { migrateDb, openDb } from '../client.server.ts'
import { demoLoginsText, isEmpty, seedDemo } from './demo.server.ts'
import { DEMO_PASSWORD } from './demo-users.ts'
import { NATIONAL, seedNational } from './national.server.ts'

// `npm run db:seed` loads the demo into an empty database; `-- --national` tops it up to national scale.
const env = getEnv()
const national = process.argv.includes('--national')
const started = performance.now()
const db = openDb(env.DATABASE_PATH)
migrateDb(db)
if (!isEmpty(db)) {
	console.log(`${env.DATABASE_PATH} already holds data; the demo is loaded only into an empty database.`)
} else {
	const counts = await seedDemo(db, Date.now())
	console.log(`Demo loaded into ${env.DATABASE_PATH}: ${counts.create} municipalities.`)
	console.log(demoLoginsText())
}
if (national) {
	seedNational(db, Date.now(), await hashPassword(DEMO_PASSWORD))
	console.log(`National data set: ${NATIONAL.municipalities} municipalities, ${NATIONAL.offices} offices, ${NATIONAL.users} users (password ${DEMO_PASSWORD}).`)
}
db.$client.close()
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
