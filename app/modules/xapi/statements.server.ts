import { and, asc, eq, gt, lte, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { appUrl } from '#app/utils/app-url.server.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { xapiStatements } from '#db/schema/learning.ts'

export const XAPI_VERSION = '1.0.3'

export const XAPI_VERBS = ['launched', 'experienced', 'answered', 'passed', 'failed', 'completed'] as const
export type XapiVerb = (typeof XAPI_VERBS)[number]

/** ADL verbs (http://adlnet.gov/expapi/verbs/…) with their display names in both catalogue languages. */
export const VERBS: Record<XapiVerb, { id: string; display: { 'en-US': string; 'hu-HU': string } }> = {
	launched: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched', 'hu-HU': 'elindította' } },
	experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', 'hu-HU': 'megtekintette' } },
	answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered', 'hu-HU': 'megválaszolta' } },
	passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'hu-HU': 'sikeresen teljesítette' } },
	failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', 'hu-HU': 'nem teljesítette' } },
	completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'hu-HU': 'befejezte' } },
}

export type ActivityKind = 'course' | 'lesson' | 'quiz' | 'question' | 'exercise' | 'exercise-step'

/** ADL activity types: a quiz is an assessment, a quiz question a cmi.interaction. */
export const ACTIVITY_TYPES: Record<ActivityKind, string> = {
	course: 'http://adlnet.gov/expapi/activities/course',
	lesson: 'http://adlnet.gov/expapi/activities/lesson',
	quiz: 'http://adlnet.gov/expapi/activities/assessment',
	question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
	exercise: 'http://adlnet.gov/expapi/activities/simulation',
	'exercise-step': 'http://adlnet.gov/expapi/activities/interaction',
}

export type ActivityRef = {
	kind: ActivityKind
	/** Course activities; '' for a sandbox exercise, which belongs to no course. */
	courseId: string
	/** Sandbox exercises (issue #6): F1 … K1, and the step of a step statement. */
	exerciseId?: string
	stepId?: string
	lessonId?: string
	quizId?: string
	questionId?: string
	name: { hu: string; en: string }
}

export type StatementResult = {
	scaled?: number
	raw?: number
	min?: number
	max?: number
	success?: boolean
	completion?: boolean
	response?: string
}

export type IssueStatementInput = {
	user: { id: number; name: string }
	verb: XapiVerb
	activity: ActivityRef
	result?: StatementResult
	now: number
}

/** The platform's own address (APP_URL, or the local install), without the trailing slash. */
function baseUrl(): string {
	return appUrl('/').replace(/\/+$/, '')
}

type IdParts = Pick<ActivityRef, 'courseId' | 'lessonId' | 'quizId' | 'questionId' | 'exerciseId' | 'stepId'>

/** `<base>/xapi/activities/course/<courseId>[/lesson/<lessonId>][/quiz/<quizId>][/question/<questionId>]` */
export function activityIri(parts: IdParts, base = baseUrl()): string {
	// `<base>/xapi/activities/exercise/<id>[/step/<step>]` for sandbox exercises
	if (parts.exerciseId) return `${base}/xapi/activities/exercise/${encodeURIComponent(parts.exerciseId)}${parts.stepId ? `/step/${encodeURIComponent(parts.stepId)}` : ''}`
	const segments: Array<[string, string | undefined]> = [
		['course', parts.courseId],
		['lesson', parts.lessonId],
		['quiz', parts.quizId],
		['question', parts.questionId],
	]
	let iri = `${base}/xapi/activities`
	for (const [kind, id] of segments) if (id) iri += `/${kind}/${encodeURIComponent(id)}`
	return iri
}

/** The ids an activity of each kind cannot do without. */
function checkActivity(activity: ActivityRef) {
	if (activity.kind === 'exercise' || activity.kind === 'exercise-step') {
		if (!activity.exerciseId || (activity.kind === 'exercise-step' && !activity.stepId)) throw new Error(`xAPI ${activity.kind} activity is missing an id: ${JSON.stringify(activity)}`)
		return
	}
	const missing =
		!activity.courseId ||
		(activity.kind === 'lesson' && !activity.lessonId) ||
		(activity.kind === 'quiz' && !activity.quizId) ||
		(activity.kind === 'question' && (!activity.quizId || !activity.questionId))
	if (missing) throw new Error(`xAPI ${activity.kind} activity is missing an id: ${JSON.stringify(activity)}`)
}

function finite(value: number | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value)
}

function buildResult(result: StatementResult | undefined): Record<string, unknown> | undefined {
	if (!result) return undefined
	const out: Record<string, unknown> = {}
	const score: Record<string, number> = {}
	if (finite(result.scaled)) score.scaled = Math.min(1, Math.max(-1, result.scaled))
	if (finite(result.raw)) score.raw = result.raw
	if (finite(result.min)) score.min = result.min
	if (finite(result.max)) score.max = result.max
	if (Object.keys(score).length) out.score = score
	if (typeof result.success === 'boolean') out.success = result.success
	if (typeof result.completion === 'boolean') out.completion = result.completion
	if (typeof result.response === 'string') out.response = result.response
	return Object.keys(out).length ? out : undefined
}

function activityObject(iri: string, type: string, name?: { hu: string; en: string }) {
	return {
		objectType: 'Activity',
		id: iri,
		definition: { ...(name ? { name: { 'hu-HU': name.hu, 'en-US': name.en } } : {}), type },
	}
}

/** Parent (one level up) and grouping (the course) activities, so a warehouse can roll results up. */
function buildContext(activity: ActivityRef, base: string) {
	if (activity.kind === 'exercise' || activity.kind === 'exercise-step') {
		const exercise = activityObject(activityIri({ courseId: '', exerciseId: activity.exerciseId }, base), ACTIVITY_TYPES.exercise)
		return { platform: 'ASP Akadémia', ...(activity.kind === 'exercise-step' ? { contextActivities: { parent: [exercise] } } : {}) }
	}
	const course = activityObject(activityIri({ courseId: activity.courseId }, base), ACTIVITY_TYPES.course)
	let parent: ReturnType<typeof activityObject> | null = null
	if (activity.kind === 'lesson') parent = course
	if (activity.kind === 'quiz')
		parent = activity.lessonId
			? activityObject(activityIri({ courseId: activity.courseId, lessonId: activity.lessonId }, base), ACTIVITY_TYPES.lesson)
			: course
	if (activity.kind === 'question')
		parent = activityObject(
			activityIri({ courseId: activity.courseId, lessonId: activity.lessonId, quizId: activity.quizId }, base),
			ACTIVITY_TYPES.quiz,
		)
	const contextActivities: Record<string, unknown> = {}
	if (parent) contextActivities.parent = [parent]
	if (activity.kind !== 'course' && parent !== course) contextActivities.grouping = [course]
	return { platform: 'ASP Akadémia', ...(Object.keys(contextActivities).length ? { contextActivities } : {}) }
}

/** Builds an xAPI 1.0.3 statement without storing it (the pure half of issueStatement). */
export function buildStatement(input: IssueStatementInput, id: string, base = baseUrl()): Record<string, unknown> {
	checkActivity(input.activity)
	const iso = new Date(input.now).toISOString()
	const verb = VERBS[input.verb]
	const result = buildResult(input.result)
	return {
		id,
		actor: { objectType: 'Agent', name: input.user.name, account: { homePage: `${base}/`, name: String(input.user.id) } },
		verb: { id: verb.id, display: { ...verb.display } },
		object: activityObject(activityIri(input.activity, base), ACTIVITY_TYPES[input.activity.kind], input.activity.name),
		...(result ? { result } : {}),
		context: buildContext(input.activity, base),
		timestamp: iso,
		stored: iso,
		authority: { objectType: 'Agent', name: 'ASP Akadémia', account: { homePage: `${base}/`, name: 'asp-akademia' } },
		version: XAPI_VERSION,
	}
}

/**
 * Records a statement and returns its id. Takes `db` or a transaction, so the statement lands
 * together with the progress change it reports (or not at all).
 */
export function issueStatement(db: DbOrTx, input: IssueStatementInput): string {
	const id = crypto.randomUUID()
	const statement = buildStatement(input, id)
	db.insert(xapiStatements)
		.values({
			id,
			userId: input.user.id,
			actorKey: String(input.user.id),
			verb: VERBS[input.verb].id,
			activity: (statement.object as { id: string }).id,
			stored: input.now,
			statement,
		})
		.run()
	return id
}

// ——— Reading (the LRS side) ———

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 500

/** A bad query parameter; the API answers 400 with this message. */
export class XapiQueryError extends Error {
	constructor(
		readonly param: string,
		message: string,
	) {
		super(message)
		this.name = 'XapiQueryError'
	}
}

export type StatementFilter = {
	/** The xAPI agent JSON as in the spec's `agent` query parameter; matched by account.name. */
	agent?: string
	/** A verb IRI (the short ADL names such as `passed` are accepted too). */
	verb?: string
	/** An activity IRI (exact match). */
	activity?: string
	/** ISO 8601 instant; only statements stored after it (exclusive). */
	since?: string
	/** ISO 8601 instant; only statements stored at or before it. */
	until?: string
	/** 1–500, default 100; 0 means the maximum (as the spec says). */
	limit?: number
	/** The opaque cursor from a previous page's `more`. */
	cursor?: string
}

export type StatementPage = { statements: Array<Record<string, unknown>>; more: string | null }

const MAX_PARAM_LENGTH = 2048

const AccountSchema = z.object({ homePage: z.url(), name: z.string().min(1) })
/** An Agent (or an Identified Group) identified by exactly one inverse functional identifier. */
const AgentSchema = z
	.object({
		objectType: z.enum(['Agent', 'Group']).optional(),
		name: z.string().optional(),
		mbox: z.string().regex(/^mailto:\S+@\S+$/).optional(),
		mbox_sha1sum: z.string().regex(/^[0-9a-fA-F]{40}$/).optional(),
		openid: z.url().optional(),
		account: AccountSchema.optional(),
	})
	.refine((a) => [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter((v) => v !== undefined).length === 1, {
		message: 'exactly one of mbox, mbox_sha1sum, openid, account is required',
	})

function tooLong(param: string, value: string) {
	if (value.length > MAX_PARAM_LENGTH) throw new XapiQueryError(param, `${param} is too long`)
}

/** The account name the agent parameter names, or null for an agent identified otherwise (matches nothing here). */
function parseAgent(raw: string): string | null {
	tooLong('agent', raw)
	let json: unknown
	try {
		json = JSON.parse(raw)
	} catch {
		throw new XapiQueryError('agent', 'agent must be an xAPI Agent as JSON, e.g. {"account":{"homePage":"…","name":"42"}}')
	}
	const parsed = AgentSchema.safeParse(json)
	if (!parsed.success) throw new XapiQueryError('agent', `agent is not a valid xAPI Agent: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
	return parsed.data.account?.name ?? null
}

function parseIri(param: string, raw: string): string {
	tooLong(param, raw)
	if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(raw) || !URL.canParse(raw)) throw new XapiQueryError(param, `${param} must be an absolute IRI`)
	return raw
}

function parseVerb(raw: string): string {
	if ((XAPI_VERBS as ReadonlyArray<string>).includes(raw)) return VERBS[raw as XapiVerb].id
	return parseIri('verb', raw)
}

const IsoInstant = z.iso.datetime({ offset: true })

function parseInstant(param: string, raw: string): number {
	tooLong(param, raw)
	const ms = IsoInstant.safeParse(raw).success ? Date.parse(raw) : Number.NaN
	if (!Number.isFinite(ms)) throw new XapiQueryError(param, `${param} must be an ISO 8601 timestamp with a time zone, e.g. 2017-01-01T00:00:00Z`)
	return ms
}

function parseLimit(limit: number | undefined): number {
	if (limit === undefined) return DEFAULT_LIMIT
	if (!Number.isSafeInteger(limit) || limit < 0) throw new XapiQueryError('limit', 'limit must be a whole number ≥ 0')
	return limit === 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT)
}

type Cursor = { stored: number; id: string }

function encodeCursor(c: Cursor): string {
	return Buffer.from(`${c.stored}:${c.id}`, 'utf8').toString('base64url')
}

function decodeCursor(raw: string): Cursor {
	const bad = () => new XapiQueryError('cursor', 'cursor is not one this server issued')
	if (raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw bad()
	const match = /^(\d{1,16}):([0-9a-f-]{36})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'))
	if (!match) throw bad()
	const stored = Number(match[1])
	if (!Number.isSafeInteger(stored)) throw bad()
	return { stored, id: match[2]! }
}

/**
 * Statements in stored order (then id), one page at a time. Paging is by keyset, so a page
 * never repeats or skips a statement, however many arrive while a client reads.
 */
export function queryStatements(db: DbOrTx, filter: StatementFilter): StatementPage {
	const conditions: Array<SQL | undefined> = []
	if (filter.agent !== undefined) {
		const accountName = parseAgent(filter.agent)
		if (accountName === null) return { statements: [], more: null }
		conditions.push(eq(xapiStatements.actorKey, accountName))
	}
	if (filter.verb !== undefined) conditions.push(eq(xapiStatements.verb, parseVerb(filter.verb)))
	if (filter.activity !== undefined) conditions.push(eq(xapiStatements.activity, parseIri('activity', filter.activity)))
	if (filter.since !== undefined) conditions.push(gt(xapiStatements.stored, parseInstant('since', filter.since)))
	if (filter.until !== undefined) conditions.push(lte(xapiStatements.stored, parseInstant('until', filter.until)))
	const limit = parseLimit(filter.limit)
	if (filter.cursor !== undefined) {
		const after = decodeCursor(filter.cursor)
		conditions.push(
			or(gt(xapiStatements.stored, after.stored), and(eq(xapiStatements.stored, after.stored), gt(xapiStatements.id, after.id))),
		)
	}
	const rows = db
		.select({ id: xapiStatements.id, stored: xapiStatements.stored, statement: xapiStatements.statement })
		.from(xapiStatements)
		.where(and(...conditions))
		.orderBy(asc(xapiStatements.stored), asc(xapiStatements.id))
		.limit(limit + 1)
		.all()
	const page = rows.slice(0, limit)
	const last = page.at(-1)
	return {
		statements: page.map((r) => r.statement),
		more: rows.length > limit && last ? encodeCursor({ stored: last.stored, id: last.id }) : null,
	}
}

/** Query parameters the statements endpoint understands. */
export const SUPPORTED_PARAMS = ['agent', 'verb', 'activity', 'since', 'until', 'limit', 'cursor'] as const

/**
 * The filter from a request's query string. Unknown or repeated parameters are refused rather
 * than ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
export function filterFromSearchParams(params: URLSearchParams): StatementFilter {
	const seen = new Set<string>()
	for (const key of params.keys()) {
		if (!(SUPPORTED_PARAMS as ReadonlyArray<string>).includes(key))
			throw new XapiQueryError(key.slice(0, 50), `unsupported parameter: ${key.slice(0, 50)} (supported: ${SUPPORTED_PARAMS.join(', ')})`)
		if (seen.has(key)) throw new XapiQueryError(key, `parameter given more than once: ${key}`)
		seen.add(key)
	}
	const get = (name: string) => params.get(name) ?? undefined
	const limitRaw = get('limit')
	if (limitRaw !== undefined && !/^\d{1,6}$/.test(limitRaw)) throw new XapiQueryError('limit', 'limit must be a whole number ≥ 0')
	return {
		agent: get('agent'),
		verb: get('verb'),
		activity: get('activity'),
		since: get('since'),
		until: get('until'),
		limit: limitRaw === undefined ? undefined : Number(limitRaw),
		cursor: get('cursor'),
	}
}
