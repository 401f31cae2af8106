/**
 * Rule labels refused tax steps name (`CommandError.rule`). Paragraphs only where reference.md §B marks
 * them verified (✔) or likely (●); SANDBOX marks the practice environment's own convention.
 */
export const TAX_RULE = {
	owner1Jan: 'Htv.: az adó alanya a naptári év első napján tulajdonos (B.1 ✔)',
	notification: 'Art.: adatbejelentés 15 napon belül (B.1 ●)',
	adoazonositoJel: 'B.2.1: adóazonosító jel ellenőrző számjegye (mod 11)',
	adoszam: 'B.2.2: adószám ellenőrző számjegye (9-7-3-1 súlyok)',
	hrsz: 'B.2.3: helyrajzi szám formátuma (SANDBOX)',
	duplicate: 'B.2: egy adózó egyszer szerepel az önkormányzat nyilvántartásában',
	decree: 'Htv.: a rendelet az adómaximumon belül állapít meg adómértéket (B.1)',
	noDecree: 'B.1: adót csak helyi rendelet alapján lehet kivetni',
	vehicleTax: 'B.1: gépjárműadó 2021-től a NAV-nál; csak a 2020-ig terjedő hátralék (✔ [S14a])',
	establishment: 'B.1: kivetéses adó határozattal, önadózó adó bevallással',
	noInterestOnInterest: 'Art. 209. §: pótlék után nem számítható pótlék (✔)',
	nemleges: 'Art., 465/2017. Korm. r. 24. §: nemleges adóigazolás csak tartozás nélkül (B.3 ●)',
	overpaymentOnly: 'B.3: átvezetés és visszatérítés csak túlfizetésből',
	cancelOpen: 'B.3: törölni csak a nyitott előírást lehet',
	bankLine: 'B.3: a banki tétel nem módosítható; azonosítani vagy függőben tartani lehet',
	closedPeriod: 'B.4: lezárt időszak tételei nem módosíthatók',
	periodOrder: 'B.4: az időszak csak a hónap vége után zárható le',
	feedOnce: 'B.4: az időszak könyvelési feladása egyszer könyvelhető',
	feedAfterClose: 'B.4: feladás csak lezárt időszakról',
} as const
