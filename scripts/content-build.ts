import { checkContent, formatProblem } from '#app/modules/content/check.server.ts'
import { cacheDir, writeCache } from '#app/modules/content/compile.server.ts'

// Part of `npm run build`: precompiles every lesson so no production request runs esbuild.
const { problems, compiled } = await checkContent()
if (problems.length) {
	console.error(problems.map(formatProblem).join('\n'))
	process.exit(1)
}
for (const lesson of compiled) writeCache(lesson)
console.log(`Precompiled ${compiled.length} lesson file(s) into ${cacheDir()}.`)
