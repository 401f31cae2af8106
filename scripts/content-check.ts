import { checkContent, formatProblem } from '#app/modules/content/check.server.ts'

// `npm run content:check`: compiles every lesson and reports each problem as file:line: message.
const { problems, lessons } = await checkContent()
if (problems.length) {
	console.error(problems.map(formatProblem).join('\n'))
	console.error(`\n${problems.length} content problem(s) in ${lessons} lesson(s).`)
	process.exit(1)
}
console.log(`Content OK: ${lessons} lesson(s) in hu and en.`)
