import fs from 'node:fs'
import path from 'node:path'
import { count } from 'drizzle-orm'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import { seedDemo } from '#db/seed/demo.server.ts'
import { DEMO_PASSWORD } from '#db/seed/demo-users.ts'
import { seedNational } from '#db/seed/national.server.ts'

// Measures `npm run db:seed -- --national` on a throwaway file (goal: under 2 minutes).
const file = path.resolve('bench/.tmp/national.db')
fs.rmSync(path.dirname(file), { recursive: true, force: true })
const started = performance.now()
const db = openDb(file)
migrateDb(db)
await seedDemo(db, Date.now())
seedNational(db, Date.now(), await hashPassword(DEMO_PASSWORD))
const seconds = (performance.now() - started) / 1000
const result = {
	date: new Date().toISOString(),
	seconds: Number(seconds.toFixed(2)),
	municipalities: db.select({ n: count() }).from(municipalities).get()!.n,
	offices: db.select({ n: count() }).from(offices).get()!.n,
	users: db.select({ n: count() }).from(users).get()!.n,
	fileMb: Number((fs.statSync(file).size / 1024 / 1024).toFixed(1)),
	peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}
db.$client.close()
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(`bench/results/seed-national-${result.date.slice(0, 10)}.json`, `${JSON.stringify(result, null, '\t')}\n`)
console.log(result)
