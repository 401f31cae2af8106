/** KERET role codes (szerepkörök). Names live in the reference data (ref_roles). */
export const ROLE = {
	kotelezettsegvallalo: 'fin.kotelezettsegvallalo',
	penzugyiEllenjegyzo: 'fin.penzugyi_ellenjegyzo',
	teljesitesigazolo: 'fin.teljesitesigazolo',
	ervenyesito: 'fin.ervenyesito',
	utalvanyozo: 'fin.utalvanyozo',
	penztaros: 'fin.penztaros',
	konyvelo: 'fin.konyvelo',
	koltsegvetesRogzito: 'fin.koltsegvetes_rogzito',
	koltsegvetesJovahagyo: 'fin.koltsegvetes_jovahagyo',
	keretAdmin: 'keret.admin',
	adoUgyintezo: 'tax.ugyintezo',
	adoVezeto: 'tax.vezeto',
	adoPenzugy: 'tax.penzugy',
} as const
export type RoleCode = (typeof ROLE)[keyof typeof ROLE]
