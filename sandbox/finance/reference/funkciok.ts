/** Kormányzati funkciók (68/2013. (XII. 29.) NGM rendelet) used by municipalities; reference.md §A.2. */
export const FUNKCIOK_VALID_FROM = '2014-01-01'

export const funkciok: ReadonlyArray<{ code: string; nameHu: string; nameEn: string; technical: boolean }> = [
	{ code: '011130', nameHu: 'Önkormányzatok és önkormányzati hivatalok jogalkotó és általános igazgatási tevékenysége', nameEn: 'Legislative and general administration of local governments and offices', technical: false },
	{ code: '011220', nameHu: 'Adó-, vám- és jövedéki igazgatás', nameEn: 'Tax, customs and excise administration', technical: false },
	{ code: '013320', nameHu: 'Köztemető-fenntartás és -működtetés', nameEn: 'Public cemeteries', technical: false },
	{ code: '013350', nameHu: 'Az önkormányzati vagyonnal való gazdálkodással kapcsolatos feladatok', nameEn: 'Management of municipal property', technical: false },
	{ code: '016010', nameHu: 'Országgyűlési, önkormányzati és európai parlamenti képviselőválasztásokhoz kapcsolódó tevékenységek', nameEn: 'Elections', technical: false },
	{ code: '018010', nameHu: 'Önkormányzatok elszámolásai a központi költségvetéssel', nameEn: 'Settlements with the central budget', technical: false },
	{ code: '018030', nameHu: 'Támogatási célú finanszírozási műveletek', nameEn: 'Financing transfers', technical: false },
	{ code: '041233', nameHu: 'Hosszabb időtartamú közfoglalkoztatás', nameEn: 'Long-term public works scheme', technical: false },
	{ code: '045160', nameHu: 'Közutak, hidak, alagutak üzemeltetése, fenntartása', nameEn: 'Road, bridge and tunnel maintenance', technical: false },
	{ code: '051030', nameHu: 'Nem veszélyes (települési) hulladék vegyes (ömlesztett) begyűjtése, szállítása, átrakása', nameEn: 'Mixed municipal waste collection', technical: false },
	{ code: '064010', nameHu: 'Közvilágítás', nameEn: 'Street lighting', technical: false },
	{ code: '066010', nameHu: 'Zöldterület-kezelés', nameEn: 'Parks and green areas', technical: false },
	{ code: '066020', nameHu: 'Város-, községgazdálkodási egyéb szolgáltatások', nameEn: 'Other municipal management services', technical: false },
	{ code: '091140', nameHu: 'Óvodai nevelés, ellátás működtetési feladatai', nameEn: 'Kindergarten operation', technical: false },
	{ code: '107060', nameHu: 'Egyéb szociális pénzbeli és természetbeni ellátások, támogatások', nameEn: 'Other social benefits', technical: false },
	{ code: '900020', nameHu: 'Önkormányzatok funkcióra nem sorolható bevételei államháztartáson kívülről', nameEn: 'Revenues not assignable to a function, from outside general government', technical: true },
]
