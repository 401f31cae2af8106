import type { TaxType } from './caps.ts'

// Adónemek (tax types as kept on the tax account), their collection account, the budget rovat their
// revenue is fed to and how they are established (reference.md §B.1, §B.3, §B.4). Dated: the mapping
// of a month-end feed is the one valid on the last day of the period.

export const ADONEMEK = ['epitmenyado', 'telekado', 'kommunalis', 'idegenforgalmi', 'hipa', 'talajterhelesi', 'gepjarmuado', 'potlek'] as const
export type Adonem = (typeof ADONEMEK)[number]

/** kivetés: assessment decision after a data notification; bevallás: self-assessment return; none: no own liability (pótlék, arrears only). */
export type Establishment = 'assessment' | 'return' | 'none'

export type AdonemInfo = {
	code: Adonem
	hu: string
	en: string
	establishment: Establishment
	/** Decree tax type whose rates apply (caps.ts), when a decree sets the tax. */
	decreeTax: TaxType | null
	/** Budget rovat of the revenue (§B.4 SANDBOX defaults; ○ where the reference marks it so). */
	rovat: string
	confidence: '✔' | '●' | '○'
	/** Whether late-payment interest is charged on it (no pótlék on pótlék, Art. 209. § ✔). */
	bearsInterest: boolean
	/** First and last tax year the municipality may charge it (gépjárműadó: arrears up to 2020 only ✔ [S14a]). */
	firstYear: number | null
	lastYear: number | null
}

export const ADONEM_INFO: Readonly<Record<Adonem, AdonemInfo>> = {
	epitmenyado: { code: 'epitmenyado', hu: 'Építményadó', en: 'Building tax', establishment: 'assessment', decreeTax: 'epitmenyado', rovat: 'B34', confidence: '●', bearsInterest: true, firstYear: null, lastYear: null },
	telekado: { code: 'telekado', hu: 'Telekadó', en: 'Land-plot tax', establishment: 'assessment', decreeTax: 'telekado', rovat: 'B34', confidence: '●', bearsInterest: true, firstYear: null, lastYear: null },
	kommunalis: { code: 'kommunalis', hu: 'Magánszemélyek kommunális adója', en: "Residents' communal tax", establishment: 'assessment', decreeTax: 'kommunalisAdo', rovat: 'B34', confidence: '○', bearsInterest: true, firstYear: null, lastYear: null },
	idegenforgalmi: { code: 'idegenforgalmi', hu: 'Idegenforgalmi adó', en: 'Tourist tax', establishment: 'return', decreeTax: 'idegenforgalmiAdo', rovat: 'B355', confidence: '○', bearsInterest: true, firstYear: null, lastYear: null },
	hipa: { code: 'hipa', hu: 'Helyi iparűzési adó', en: 'Local business tax', establishment: 'return', decreeTax: 'iparuzesiAdo', rovat: 'B351', confidence: '●', bearsInterest: true, firstYear: null, lastYear: null },
	talajterhelesi: { code: 'talajterhelesi', hu: 'Talajterhelési díj', en: 'Soil-load fee', establishment: 'return', decreeTax: null, rovat: 'B36', confidence: '○', bearsInterest: true, firstYear: null, lastYear: null },
	gepjarmuado: { code: 'gepjarmuado', hu: 'Gépjárműadó (2021 előtti hátralék)', en: 'Vehicle tax (arrears before 2021)', establishment: 'none', decreeTax: null, rovat: 'B354', confidence: '●', bearsInterest: true, firstYear: null, lastYear: 2020 },
	potlek: { code: 'potlek', hu: 'Késedelmi pótlék', en: 'Late-payment interest', establishment: 'none', decreeTax: null, rovat: 'B36', confidence: '●', bearsInterest: false, firstYear: null, lastYear: null },
}

/** Kormányzati funkció of tax revenue in the feed (§B.4 ○ SANDBOX). */
export const TAX_REVENUE_FUNKCIO = '900020'

/** Talajterhelési díj unit rate (Ft/m³, Ktd. ✔ [S15a]) and the area-sensitivity multipliers. */
export const SOIL_FEE = [{ validFrom: '2012-02-01', validTo: null as string | null, unitRate: 1200, multipliers: { normal: 1, erzekeny: 1.5, fokozottan: 3 } as const, irrigationAllowancePct: 10, confidence: '✔', source: 'reference.md §B.1 [S15a]' }]

export function isAdonem(value: string): value is Adonem {
	return (ADONEMEK as ReadonlyArray<string>).includes(value)
}
