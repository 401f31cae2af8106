// Legal maximum rates of the local taxes (Htv. = 1990. évi C. törvény a helyi adókról) as dated
// reference data, and the valorisation rule as data. caps.ts (one level up) reads only this file.
//
// Source: shared/domain/reference.md §B.1 (table "Tax types" and the paragraph "Valorisation").
// Confidence marks are copied from there: ✔ verified in a stored source, ● author's knowledge not
// re-verified, ○ uncertain, SANDBOX = a sandbox convention, not a claim about the law.
//
// What the reference does NOT give (so it is left out here, not invented):
// - The date from which the current nominal caps apply (it only says the older 900 Ft/m² and 3 %
//   for építményadó, and the old telekadó / kommunális adó values, are "superseded" – without dates,
//   and without the old telekadó figures). The superseded caps are therefore not stored.
// - Paragraph numbers of the Htv. for each cap: rules are cited as "Htv." plus the tax, as the
//   reference does.
// - Any KSH consumer-price index, the base year and the exact formula of the valorisation (○), and
//   any published valorised cap. CPI_INDICES and VALORISED_CAPS below are therefore empty.
// - Whether percentage caps are valorised at all (see VALORISATION.appliesTo – SANDBOX).
//
// Talajterhelési díj is not here: its 1 200 Ft/m³ × területérzékenységi szorzó is a statutory unit
// rate of the Ktd., not a maximum the council's decree stays under. Gépjárműadó is not a local tax
// since 1 January 2021 ✔ [S14a–c] and cannot appear in a decree.

export type TaxType = 'epitmenyado' | 'telekado' | 'kommunalisAdo' | 'idegenforgalmiAdo' | 'iparuzesiAdo' | 'telepulesiAdo'

export const TAX_TYPES: ReadonlyArray<TaxType> = [
	'epitmenyado',
	'telekado',
	'kommunalisAdo',
	'idegenforgalmiAdo',
	'iparuzesiAdo',
	'telepulesiAdo',
]

/** Adóalap (tax base) options of §B.1. */
export type TaxBase =
	| 'usefulAreaM2' // hasznos alapterület / telek területe, m²
	| 'adjustedMarketValue' // korrigált forgalmi érték (50 % of market value ●)
	| 'perTaxObject' // adótárgy (flat / plot)
	| 'guestNight' // vendégéjszaka
	| 'accommodationFee' // szállásdíj
	| 'netTurnoverBase' // HIPA adóalap (net turnover less deductions)
	| 'temporaryActivityDay' // ideiglenes iparűzés, naptári nap
	| 'free' // települési adó: base chosen by the decree

/**
 * How a rate of this base is written, always as an integer:
 * - 'Ft': whole forints per unit (Ft/m²/év, Ft/adótárgy/év, Ft/fő/vendégéjszaka, Ft/nap);
 * - 'bp': hundredths of a percent (basis points), so 3.6 % = 360 and 2 % = 200.
 */
export type RateScale = 'Ft' | 'bp'

export type CapUnit = { scale: RateScale; hu: string; en: string }

export const UNITS = {
	ftPerM2Year: { scale: 'Ft', hu: 'Ft/m²/év', en: 'HUF/m²/year' },
	ftPerObjectYear: { scale: 'Ft', hu: 'Ft/adótárgy/év', en: 'HUF/taxable object/year' },
	ftPerGuestNight: { scale: 'Ft', hu: 'Ft/fő/vendégéjszaka', en: 'HUF/person/guest night' },
	ftPerDay: { scale: 'Ft', hu: 'Ft/nap', en: 'HUF/day' },
	percentOfAdjustedMarketValue: { scale: 'bp', hu: '% (korrigált forgalmi érték)', en: '% of adjusted market value' },
	percentOfFee: { scale: 'bp', hu: '% (szállásdíj)', en: '% of the accommodation fee' },
	percentOfBase: { scale: 'bp', hu: '% (adóalap)', en: '% of the tax base' },
	free: { scale: 'Ft', hu: 'a rendelet szerint', en: 'as set by the decree' },
} as const satisfies Record<string, CapUnit>

export type NominalCap = {
	taxType: TaxType
	base: TaxBase
	/** Nominal legal maximum in `unit.scale`; null = the law sets no cap. */
	cap: number | null
	unit: CapUnit
	/** First and last day the cap applies (tax years are calendar years). */
	validFrom: string
	validTo: string | null
	/** The rule a refusal cites, worded as the reference cites it (no paragraph numbers given). */
	rule: string
	taxHu: string
	taxEn: string
	confidence: '✔' | '●' | '○'
	source: string
}

/**
 * SANDBOX: first day the caps below are stored for. The reference gives no effective date; 2025 is
 * the first tax year its sources show these caps in force (Csopak 2025 rates ✔ [S13b]). Earlier
 * years are "outside the data" and a check for them is refused, not guessed.
 */
const CAPS_FROM = '2025-01-01'

export const NOMINAL_CAPS: ReadonlyArray<NominalCap> = [
	{
		taxType: 'epitmenyado',
		base: 'usefulAreaM2',
		cap: 1_100,
		unit: UNITS.ftPerM2Year,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: építményadó felső határa',
		taxHu: 'építményadó',
		taxEn: 'building tax',
		confidence: '●',
		source: 'reference.md §B.1 ● (old 900 Ft/m² ✔ [S13d] superseded, date not given)',
	},
	{
		taxType: 'epitmenyado',
		base: 'adjustedMarketValue',
		cap: 360,
		unit: UNITS.percentOfAdjustedMarketValue,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: építményadó felső határa',
		taxHu: 'építményadó',
		taxEn: 'building tax',
		confidence: '●',
		source: 'reference.md §B.1 ● 3.6 % (old 3 % ✔ [S13d] superseded, date not given)',
	},
	{
		taxType: 'telekado',
		base: 'usefulAreaM2',
		cap: 200,
		unit: UNITS.ftPerM2Year,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: telekadó felső határa',
		taxHu: 'telekadó',
		taxEn: 'land-plot tax',
		confidence: '●',
		source: 'reference.md §B.1 ● (old values ✔ [S13d], not stated in the reference)',
	},
	{
		taxType: 'telekado',
		base: 'adjustedMarketValue',
		cap: 300,
		unit: UNITS.percentOfAdjustedMarketValue,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: telekadó felső határa',
		taxHu: 'telekadó',
		taxEn: 'land-plot tax',
		confidence: '●',
		source: 'reference.md §B.1 ● 3 %',
	},
	{
		taxType: 'kommunalisAdo',
		base: 'perTaxObject',
		cap: 17_000,
		unit: UNITS.ftPerObjectYear,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: magánszemélyek kommunális adója felső határa',
		taxHu: 'magánszemélyek kommunális adója',
		taxEn: "residents' communal tax",
		confidence: '●',
		source: 'reference.md §B.1 ● (old 12 000 Ft ✔ [S13f] superseded, date not given)',
	},
	{
		taxType: 'idegenforgalmiAdo',
		base: 'guestNight',
		cap: 300,
		unit: UNITS.ftPerGuestNight,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: idegenforgalmi adó felső határa',
		taxHu: 'idegenforgalmi adó',
		taxEn: 'tourist tax',
		confidence: '✔',
		source: 'reference.md §B.1 ✔ old/nominal [S13f]',
	},
	{
		taxType: 'idegenforgalmiAdo',
		base: 'accommodationFee',
		cap: 400,
		unit: UNITS.percentOfFee,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: idegenforgalmi adó felső határa',
		taxHu: 'idegenforgalmi adó',
		taxEn: 'tourist tax',
		confidence: '✔',
		source: 'reference.md §B.1 ✔ old/nominal [S13f] 4 %',
	},
	{
		taxType: 'iparuzesiAdo',
		base: 'netTurnoverBase',
		cap: 200,
		unit: UNITS.percentOfBase,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: helyi iparűzési adó felső határa',
		taxHu: 'helyi iparűzési adó',
		taxEn: 'local business tax',
		confidence: '✔',
		source: 'reference.md §B.1 ✔ [S13b, S13c, S13h] 2 %',
	},
	{
		taxType: 'iparuzesiAdo',
		base: 'temporaryActivityDay',
		cap: 5_000,
		unit: UNITS.ftPerDay,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: ideiglenes iparűzési adó felső határa',
		taxHu: 'helyi iparűzési adó (ideiglenes)',
		taxEn: 'local business tax (temporary activity)',
		confidence: '✔',
		source: 'reference.md §B.1 ✔ [S13h]',
	},
	{
		taxType: 'telepulesiAdo',
		base: 'free',
		cap: null,
		unit: UNITS.free,
		validFrom: CAPS_FROM,
		validTo: null,
		rule: 'Htv.: települési adó (nincs felső határ)',
		taxHu: 'települési adó',
		taxEn: 'settlement tax',
		confidence: '✔',
		source: 'reference.md §B.1 ✔ [S13g] no cap',
	},
]

/**
 * The valorisation rule as data (reference.md §B.1 "Valorisation").
 * - That the council may apply the caps indexed by the KSH consumer-price index: ●.
 * - That valorised caps are in use: ✔ [S13b] (Csopak 2025: építményadó 1 600–1 900 Ft/m²,
 *   IFA 650 Ft/night, both above the nominal caps).
 * - Base year and formula: ○, not given. `baseYear` is therefore null, and until it is filled in the
 *   cap for a year is only known from VALORISED_CAPS (a published value) – never computed.
 */
export type ValorisationRule = {
	index: { hu: string; en: string }
	/** Year whose nominal caps the indices are applied to; null = not given by the reference (○). */
	baseYear: number | null
	/**
	 * SANDBOX: only forint caps are indexed – a percentage of a value that itself moves with prices
	 * needs no indexing. The reference does not say either way.
	 */
	appliesTo: ReadonlyArray<RateScale>
	/**
	 * SANDBOX formula when baseYear and indices are present: nominal × Π(index of years baseYear …
	 * taxYear − 1) / 1000 per year, rounded half up to whole forints once at the end. The reference
	 * gives no rounding (○).
	 */
	formula: 'cumulativePreviousYearsSandbox'
	/**
	 * The reference says the caps "may be raised" by inflation, i.e. never lowered: a rate at or below
	 * the nominal cap is within the cap even where the valorised cap is not in the data (●, from
	 * the wording of §B.1).
	 */
	nominalIsFloor: boolean
	confidence: string
}

export const VALORISATION: ValorisationRule = {
	index: { hu: 'KSH fogyasztói árindex (előző év = 100)', en: 'KSH consumer-price index (previous year = 100)' },
	baseYear: null,
	appliesTo: ['Ft'],
	formula: 'cumulativePreviousYearsSandbox',
	nominalIsFloor: true,
	confidence: '● principle / ○ base year and formula (reference.md §B.1)',
}

/** Yearly KSH consumer-price index in per mille of the previous year (e.g. 1 037 = 103.7 %). */
export type CpiIndex = { year: number; indexPermille: number; confidence: string; source: string }

/** None given by the reference. Add a row per year with its source and confidence mark. */
export const CPI_INDICES: ReadonlyArray<CpiIndex> = []

/**
 * The yearly table the reference asks for (`tax_type, year, nominal_cap, valorised_cap`): published
 * valorised caps, which take precedence over any computation. None given by the reference.
 */
export type ValorisedCap = {
	taxType: TaxType
	base: TaxBase
	year: number
	valorisedCap: number
	confidence: string
	source: string
}

export const VALORISED_CAPS: ReadonlyArray<ValorisedCap> = []

export type TaxCapData = {
	nominal: ReadonlyArray<NominalCap>
	valorisation: ValorisationRule
	cpi: ReadonlyArray<CpiIndex>
	valorised: ReadonlyArray<ValorisedCap>
}

export const TAX_CAP_DATA: TaxCapData = {
	nominal: NOMINAL_CAPS,
	valorisation: VALORISATION,
	cpi: CPI_INDICES,
	valorised: VALORISED_CAPS,
}
