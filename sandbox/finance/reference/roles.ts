import { ROLE } from '../../keret/roles.ts'

/** KERET roles with Hungarian and English names. Tax roles are placeholders for the tax issue. */
export const roles: ReadonlyArray<{ code: string; subsystem: 'finance' | 'tax' | 'keret'; nameHu: string; nameEn: string }> = [
	{ code: ROLE.kotelezettsegvallalo, subsystem: 'finance', nameHu: 'Kötelezettségvállaló', nameEn: 'Commitment authoriser' },
	{ code: ROLE.penzugyiEllenjegyzo, subsystem: 'finance', nameHu: 'Pénzügyi ellenjegyző', nameEn: 'Financial countersigner' },
	{ code: ROLE.teljesitesigazolo, subsystem: 'finance', nameHu: 'Teljesítésigazoló', nameEn: 'Performance certifier' },
	{ code: ROLE.ervenyesito, subsystem: 'finance', nameHu: 'Érvényesítő', nameEn: 'Validator' },
	{ code: ROLE.utalvanyozo, subsystem: 'finance', nameHu: 'Utalványozó', nameEn: 'Payment orderer' },
	{ code: ROLE.penztaros, subsystem: 'finance', nameHu: 'Pénztáros / utaló', nameEn: 'Cashier / transfer clerk' },
	{ code: ROLE.konyvelo, subsystem: 'finance', nameHu: 'Könyvelő', nameEn: 'Bookkeeper' },
	{ code: ROLE.koltsegvetesRogzito, subsystem: 'finance', nameHu: 'Költségvetés-rögzítő', nameEn: 'Budget recorder' },
	{ code: ROLE.koltsegvetesJovahagyo, subsystem: 'finance', nameHu: 'Költségvetés-jóváhagyó', nameEn: 'Budget approver' },
	{ code: ROLE.keretAdmin, subsystem: 'keret', nameHu: 'KERET adminisztrátor', nameEn: 'KERET administrator' },
	{ code: ROLE.adoUgyintezo, subsystem: 'tax', nameHu: 'Adóügyi ügyintéző', nameEn: 'Tax officer' },
	{ code: ROLE.adoVezeto, subsystem: 'tax', nameHu: 'Adóügyi vezető', nameEn: 'Head of tax office' },
	{ code: ROLE.adoPenzugy, subsystem: 'tax', nameHu: 'Adó pénzügyi ügyintéző (könyvelési feladás)', nameEn: 'Tax finance clerk (posting feed)' },
]
