/**
 * SANDBOX chart of accounts (reference.md §A.3) plus the class-0 stage accounts for every rovat main group.
 * Class 0: 05x = K1–K9, 09x = B1–B8; 4th digit = stage (1 eredeti, 2 módosítás, 3 kötelezettségvállalás /
 * követelés, 4 más fizetési kötelezettség, 5 teljesítés). Additions beyond the reference table are marked
 * SANDBOX: 054x/055x/057x/058x, 092x/095x–097x stage accounts, liabilities 424/425/427/428, and 86.
 */
export const ACCOUNTS_VALID_FROM = '2014-01-01'

export type AccountRow = { code: string; nameHu: string; nameEn: string; rovatGroup?: string; stage?: number }

const STAGES_K: Array<[number, string, string]> = [
	[1, 'eredeti előirányzat', 'original appropriation'],
	[2, 'előirányzat-módosítás', 'appropriation amendments'],
	[3, 'kötelezettségvállalás', 'commitments'],
	[4, 'más fizetési kötelezettség', 'other payment obligations'],
	[5, 'teljesítés', 'payments (execution)'],
]
const STAGES_B: Array<[number, string, string]> = [
	[1, 'eredeti előirányzat', 'original appropriation'],
	[2, 'előirányzat-módosítás', 'appropriation amendments'],
	[3, 'követelés', 'receivables charged'],
	[5, 'teljesítés', 'cash received (execution)'],
]
const K_GROUPS: Array<[string, string, string]> = [
	['K1', 'Személyi juttatások', 'Personnel benefits'],
	['K2', 'Munkaadókat terhelő járulékok', 'Employer contributions'],
	['K3', 'Dologi kiadások', 'Goods and services'],
	['K4', 'Ellátottak pénzbeli juttatásai', 'Cash benefits to beneficiaries'],
	['K5', 'Egyéb működési célú kiadások', 'Other current expenditure'],
	['K6', 'Beruházások', 'Investments'],
	['K7', 'Felújítások', 'Renovations'],
	['K8', 'Egyéb felhalmozási célú kiadások', 'Other capital expenditure'],
	['K9', 'Finanszírozási kiadások', 'Financing expenditure'],
]
const B_GROUPS: Array<[string, string, string]> = [
	['B1', 'Működési célú támogatások ÁH-n belülről', 'Operating grants from general government'],
	['B2', 'Felhalmozási célú támogatások ÁH-n belülről', 'Capital grants from general government'],
	['B3', 'Közhatalmi bevételek', 'Revenues from public authority'],
	['B4', 'Működési bevételek', 'Operating revenue'],
	['B5', 'Felhalmozási bevételek', 'Capital revenue'],
	['B6', 'Működési célú átvett pénzeszközök', 'Operating funds received'],
	['B7', 'Felhalmozási célú átvett pénzeszközök', 'Capital funds received'],
	['B8', 'Finanszírozási bevételek', 'Financing revenue'],
]

const classZero: Array<AccountRow> = [
	{ code: '001', nameHu: 'Bevételi előirányzatok nyilvántartási ellenszámla', nameEn: 'Contra: revenue appropriations' },
	{ code: '002', nameHu: 'Kiadási előirányzatok nyilvántartási ellenszámla', nameEn: 'Contra: expenditure appropriations' },
	{ code: '003', nameHu: 'Kiadások nyilvántartási ellenszámla', nameEn: 'Contra: expenditure commitments and payments' },
	{ code: '005', nameHu: 'Bevételek nyilvántartási ellenszámla', nameEn: 'Contra: revenue receivables and receipts' },
]
for (const [group, hu, en] of K_GROUPS)
	for (const [stage, shu, sen] of STAGES_K)
		classZero.push({ code: `05${group.slice(1)}${stage}`, nameHu: `${group} ${hu} – ${shu}`, nameEn: `${group} ${en} – ${sen}`, rovatGroup: group, stage })
for (const [group, hu, en] of B_GROUPS)
	for (const [stage, shu, sen] of STAGES_B)
		classZero.push({ code: `09${group.slice(1)}${stage}`, nameHu: `${group} ${hu} – ${shu}`, nameEn: `${group} ${en} – ${sen}`, rovatGroup: group, stage })

const financial: Array<[string, string, string]> = [
	['111', 'Vagyoni értékű jogok', 'Intangible rights'],
	['112', 'Szellemi termékek', 'Software, intellectual property'],
	['121', 'Ingatlanok', 'Land, buildings, roads'],
	['122', 'Ingatlanokhoz kapcsolódó vagyoni értékű jogok', 'Property-related rights'],
	['129', 'Ingatlanok terv szerinti értékcsökkenése', 'Accumulated depreciation – property'],
	['131', 'Gépek, berendezések, felszerelések, járművek', 'Machinery, equipment, vehicles'],
	['132', 'Üzembe nem helyezett, használatba nem vett kisértékű tárgyi eszközök', 'Low-value assets not yet in use'],
	['139', 'Gépek, berendezések terv szerinti értékcsökkenése', 'Accumulated depreciation – equipment'],
	['151', 'Befejezetlen beruházások', 'Assets under construction'],
	['211', 'Vásárolt készletek', 'Purchased inventory'],
	['321', 'Forintpénztár', 'Petty cash (HUF)'],
	['3311', 'Költségvetési elszámolási számla', 'Main budget bank account'],
	['3312', 'Adóbeszedési számlák', 'Tax collection bank accounts'],
	['351', 'Költségvetési évben esedékes követelések működési célú támogatásokra ÁH-n belülről', 'Current-year receivables – operating grants'],
	['353', 'Költségvetési évben esedékes követelések közhatalmi bevételre', 'Current-year receivables – public-authority revenue'],
	['354', 'Költségvetési évben esedékes követelések működési bevételre', 'Current-year receivables – operating revenue'],
	['363', 'Költségvetési évet követően esedékes követelések közhatalmi bevételre', 'Receivables due after the budget year – public authority'],
	['3651', 'Adott előlegek', 'Advances paid'],
	['3699', 'Pénzeszközök átvezetési számla', 'Cash in transit between own accounts'],
	['411', 'Nemzeti vagyon induláskori értéke', 'Initial value of national assets'],
	['413', 'Egyéb eszközök induláskori értéke és változásai', 'Other assets – initial value and changes'],
	['414', 'Felhalmozott eredmény', 'Accumulated result'],
	['419', 'Mérleg szerinti eredmény', 'Result of the year'],
	['421', 'Költségvetési évben esedékes kötelezettségek személyi juttatásokra', 'Current liabilities – personnel (K1)'],
	['422', 'Költségvetési évben esedékes kötelezettségek munkaadókat terhelő járulékokra és szociális hozzájárulási adóra', 'Current liabilities – employer contributions (K2)'],
	['423', 'Költségvetési évben esedékes kötelezettségek dologi kiadásokra', 'Current liabilities – goods and services (K3)'],
	['424', 'Költségvetési évben esedékes kötelezettségek ellátottak pénzbeli juttatásaira', 'Current liabilities – cash benefits (K4) (SANDBOX)'],
	['425', 'Költségvetési évben esedékes kötelezettségek egyéb működési célú kiadásokra', 'Current liabilities – other current expenditure (K5) (SANDBOX)'],
	['426', 'Költségvetési évben esedékes kötelezettségek beruházásokra', 'Current liabilities – investments (K6)'],
	['427', 'Költségvetési évben esedékes kötelezettségek felújításokra', 'Current liabilities – renovations (K7) (SANDBOX)'],
	['428', 'Költségvetési évben esedékes kötelezettségek egyéb felhalmozási célú kiadásokra', 'Current liabilities – other capital expenditure (K8) (SANDBOX)'],
	['429', 'Költségvetési évben esedékes kötelezettségek finanszírozási kiadásokra', 'Current liabilities – financing (K9)'],
	['441', 'Kapott előlegek', 'Advances received (tax overpayments in SANDBOX)'],
	['443', 'Más szervezetet megillető bevételek elszámolása', 'Revenue belonging to other bodies'],
	['449', 'Függő, átfutó, kiegyenlítő bevételek', 'Suspense – unidentified receipts'],
	['51', 'Anyagköltség', 'Materials'],
	['52', 'Igénybe vett szolgáltatások költségei', 'Purchased services'],
	['53', 'Egyéb szolgáltatások költségei', 'Other services'],
	['54', 'Bérköltség', 'Wages'],
	['55', 'Személyi jellegű egyéb kifizetések', 'Other personnel payments'],
	['56', 'Bérjárulékok', 'Payroll contributions'],
	['57', 'Értékcsökkenési leírás', 'Depreciation'],
	['86', 'Egyéb ráfordítások (SANDBOX)', 'Other expenses (SANDBOX placeholder for transfers and benefits)'],
	['91', 'Értékesítés nettó árbevétele', 'Net sales revenue'],
	['92', 'Közhatalmi eredményszemléletű bevételek', 'Accrual revenue from public authority'],
	['95', 'Támogatások, átvett pénzeszközök eredményszemléletű bevételei', 'Grant revenue'],
]

export const chartOfAccounts: ReadonlyArray<AccountRow & { accountClass: number }> = [
	...classZero,
	...financial.map(([code, nameHu, nameEn]) => ({ code, nameHu, nameEn })),
].map((a) => ({ ...a, accountClass: Number(a.code[0]) }))

/**
 * Which accounts each rovat books to (longest prefix wins). K: liability (42x) and cost/asset account debited
 * at teljesítésigazolás. B: receivable (35x) and accrual revenue account; null = not supported for receivables.
 */
export const rovatAccountLinks: ReadonlyArray<{ rovatPrefix: string; budgetGroup: string; balanceAccount: string | null; resultAccount: string | null }> = [
	{ rovatPrefix: 'K1', budgetGroup: '051', balanceAccount: '421', resultAccount: '54' },
	{ rovatPrefix: 'K2', budgetGroup: '052', balanceAccount: '422', resultAccount: '56' },
	{ rovatPrefix: 'K3', budgetGroup: '053', balanceAccount: '423', resultAccount: '52' },
	{ rovatPrefix: 'K31', budgetGroup: '053', balanceAccount: '423', resultAccount: '51' },
	{ rovatPrefix: 'K35', budgetGroup: '053', balanceAccount: '423', resultAccount: '53' },
	{ rovatPrefix: 'K4', budgetGroup: '054', balanceAccount: '424', resultAccount: '86' },
	{ rovatPrefix: 'K5', budgetGroup: '055', balanceAccount: '425', resultAccount: '86' },
	{ rovatPrefix: 'K6', budgetGroup: '056', balanceAccount: '426', resultAccount: '151' },
	{ rovatPrefix: 'K7', budgetGroup: '057', balanceAccount: '427', resultAccount: '151' },
	{ rovatPrefix: 'K8', budgetGroup: '058', balanceAccount: '428', resultAccount: '86' },
	{ rovatPrefix: 'K9', budgetGroup: '059', balanceAccount: '429', resultAccount: '86' },
	{ rovatPrefix: 'B1', budgetGroup: '091', balanceAccount: '351', resultAccount: '95' },
	{ rovatPrefix: 'B2', budgetGroup: '092', balanceAccount: null, resultAccount: null },
	{ rovatPrefix: 'B3', budgetGroup: '093', balanceAccount: '353', resultAccount: '92' },
	{ rovatPrefix: 'B4', budgetGroup: '094', balanceAccount: '354', resultAccount: '91' },
	{ rovatPrefix: 'B5', budgetGroup: '095', balanceAccount: null, resultAccount: null },
	{ rovatPrefix: 'B6', budgetGroup: '096', balanceAccount: null, resultAccount: null },
	{ rovatPrefix: 'B7', budgetGroup: '097', balanceAccount: null, resultAccount: null },
	{ rovatPrefix: 'B8', budgetGroup: '098', balanceAccount: null, resultAccount: null },
]
