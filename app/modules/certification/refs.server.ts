import { getCatalog } from '#app/modules/content/catalog.server.ts'
import type { RequirementKind } from '#db/schema/certification.ts'
import { TRAINING_SUBSYSTEMS } from '#db/schema/training.ts'
import { EXERCISES } from '#sandbox/exercises/registry.server.ts'

export type RefOption = { value: string; hu: string; en: string }

/**
 * What each requirement kind can point at: the courses and quizzes of content/, the exercises of
 * the sandbox and the training subsystems. The admin editor offers these and accepts nothing else.
 */
export function requirementRefs(): Record<RequirementKind, Array<RefOption>> {
	const catalog = getCatalog()
	const subsystems = TRAINING_SUBSYSTEMS.map((s) => ({ value: s, hu: s, en: s }))
	return {
		course: catalog.courses.map((c) => ({ value: c.meta.id, hu: c.meta.title.hu, en: c.meta.title.en })),
		quiz: catalog.courses.flatMap((c) =>
			c.lessons.filter((l) => l.quiz).map((l) => ({ value: `${c.meta.id}/${l.id}`, hu: `${c.meta.title.hu} – ${l.title.hu}`, en: `${c.meta.title.en} – ${l.title.en}` })),
		),
		presentation: subsystems,
		lab: subsystems,
		exercise: EXERCISES.map((e) => ({ value: e.meta.id, hu: `${e.meta.id} – ${e.meta.title.hu}`, en: `${e.meta.id} – ${e.meta.title.en}` })),
	}
}

/** Pass `refs` when checking many: building them reads the content catalog. */
export function isKnownRef(kind: RequirementKind, ref: string, refs = requirementRefs()) {
	return refs[kind].some((o) => o.value === ref)
}
