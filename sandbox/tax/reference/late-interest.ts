// Késedelmi pótlék (late-payment interest) and önellenőrzési pótlék (self-revision surcharge) as
// dated reference data. calc/late-interest.ts reads only this file.
//
// Source: shared/domain/reference.md §B.3 ("Késedelmi pótlék – Art. 206–209. §", "Önellenőrzési
// pótlék") and §D T3/T4. Confidence marks are copied from there: ✔ verified in a stored source,
// ● author's knowledge not re-verified, ○ uncertain, SANDBOX = a sandbox convention, not the law.

export type Confidence = '✔' | '●' | '○' | 'SANDBOX'

/** MNB central-bank base rate (jegybanki alapkamat) from `validFrom` until the next row. */
export type BaseRate = {
	validFrom: string
	/** Basis points: 650 = 6.50 %. */
	rateBp: number
	confidence: Confidence
	source: string
}

/**
 * The base-rate table the sandbox computes with. The reference's exercises (T3: "6.50 % all period
 * (sandbox value)") assume 6.50 % from its last change onward, so this table holds that one row and
 * nothing earlier: a day before 2024-09-25 has no rate here and the calculation refuses it rather
 * than guess.
 *
 * NOT THE LAW after 2026-02-24: the MNB cut the base rate to 6.25 % from 25 February 2026 (see
 * MNB_PUBLISHED_BASE_RATES). The sandbox keeps 6.50 % so that T3's 930 Ft stays the answer; with
 * the published rate the same payment gives 900 Ft. Learners must not be told 6.50 % is the
 * current rate.
 */
export const BASE_RATES: ReadonlyArray<BaseRate> = [
	{
		validFrom: '2024-09-25',
		rateBp: 650,
		confidence: 'SANDBOX',
		source:
			'reference.md §D T3 "6.50 % all period (sandbox value)"; the MNB set 6.50 % from 25 Sept 2024 ● (press, 2026-02-24: "legutóbb 2024 szeptemberében" cut by 25 bp); kept open-ended by SANDBOX choice',
	},
]

/**
 * The published MNB base rates as far as stored sources show them – not used by default. Complete
 * only from 2024-09-25 up to the newest stored source (press of 2026-02-24); later decisions were
 * not checked. Pass it as `rates` to compute with the real figures.
 */
export const MNB_PUBLISHED_BASE_RATES: ReadonlyArray<BaseRate> = [
	{
		validFrom: '2024-09-25',
		rateBp: 650,
		confidence: '●',
		source: 'MNB Monetáris Tanács 2024-09-24, 25 bp cut to 6.50 % (press reports; the decision text itself not read)',
	},
	{
		validFrom: '2026-02-25',
		rateBp: 625,
		confidence: '✔',
		source: 'MNB Monetáris Tanács 2026-02-24: 6.25 % "február 25-től" (blikk.hu, mfor.hu, nepszava.hu, 2026-02-24, stored copies)',
	},
]

export type LateInterestParams = {
	validFrom: string
	validTo: string | null
	/** Added to the base rate: 500 bp = 5 percentage points (Art. 209. §). */
	surchargeBp: number
	/** The yearly rate is divided by this (365 also in leap years – the law says 365-öd rész). */
	dayDivisor: number
	/**
	 * Decimals of a percent the daily rate keeps; the rest is dropped, not rounded. Fixed at 3, so a
	 * daily rate is a whole number of thousandths of a percent (31 = 0.031 %).
	 */
	dailyRateDecimals: 3
	/** Önellenőrzési pótlék as a percentage of the late-interest rate (Art. 211. §). */
	selfRevisionPercent: number
	/** The same, for a repeated self-revision of the same return. */
	repeatedSelfRevisionPercent: number
	/**
	 * A pótlék below this many forints is not charged. The reference does not verify any waiver
	 * (○ "amounts under 1 000 Ft"), so the default is 0 = always charged.
	 */
	minimumFt: number
	confidence: string
	source: string
}

export const LATE_INTEREST_PARAMS: ReadonlyArray<LateInterestParams> = [
	{
		// 2018-01-01: the Art. (2017. évi CL. törvény) took effect ●; earlier days are outside the data
		validFrom: '2018-01-01',
		validTo: null,
		surchargeBp: 500,
		dayDivisor: 365,
		dailyRateDecimals: 3,
		selfRevisionPercent: 50,
		repeatedSelfRevisionPercent: 75,
		minimumFt: 0,
		confidence: '✔ base + 5 points / 365, truncated to 3 decimals; ● 50 % / 75 % (Art. 211. § ○); ○ minimum (SANDBOX default 0)',
		source: 'reference.md §B.3 (Art. 206–209. § ✔ [S10a, S10b]; önellenőrzési pótlék ● / Art. 211. § ○)',
	},
]
