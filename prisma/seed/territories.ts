// The three demo territories: their communes (INSEE reference rows) and platform records.
// Populations are rounded recent census figures; EPCI codes are the groupings' SIRENs.
import type { Prisma } from "@/lib/generated/prisma/client";

export type PlatformSlug = "lens-lievin" | "amienois" | "metropole-lilloise";

export type CommuneRow = Prisma.CommuneCreateManyInput & { postalCodes: string[]; population: number };

const CALL = { epciCode: "246200364", epciName: "CA de Lens-Liévin", departmentCode: "62" };
const AMIENS = { epciCode: "248000531", epciName: "CA Amiens Métropole", departmentCode: "80" };
const MEL = { epciCode: "200093201", epciName: "Métropole Européenne de Lille", departmentCode: "59" };

export const COMMUNES: Record<PlatformSlug, CommuneRow[]> = {
  "lens-lievin": [
    { inseeCode: "62498", name: "Lens", postalCodes: ["62300"], population: 31_900, ...CALL },
    { inseeCode: "62510", name: "Liévin", postalCodes: ["62800"], population: 30_400, ...CALL },
    { inseeCode: "62065", name: "Avion", postalCodes: ["62210"], population: 17_500, ...CALL },
    { inseeCode: "62413", name: "Harnes", postalCodes: ["62440"], population: 12_500, ...CALL },
    { inseeCode: "62186", name: "Bully-les-Mines", postalCodes: ["62160"], population: 12_000, ...CALL },
    { inseeCode: "62570", name: "Méricourt", postalCodes: ["62680"], population: 11_600, ...CALL },
    { inseeCode: "62764", name: "Sallaumines", postalCodes: ["62430"], population: 9_700, ...CALL },
    { inseeCode: "62894", name: "Wingles", postalCodes: ["62410"], population: 8_600, ...CALL },
    { inseeCode: "62563", name: "Mazingarbe", postalCodes: ["62670"], population: 7_800, ...CALL },
    { inseeCode: "62386", name: "Grenay", postalCodes: ["62160"], population: 7_000, ...CALL },
    { inseeCode: "62528", name: "Loos-en-Gohelle", postalCodes: ["62750"], population: 6_700, ...CALL },
  ],
  amienois: [
    { inseeCode: "80021", name: "Amiens", postalCodes: ["80000", "80080", "80090"], population: 134_000, ...AMIENS },
    { inseeCode: "80489", name: "Longueau", postalCodes: ["80330"], population: 5_500, ...AMIENS },
    { inseeCode: "80164", name: "Camon", postalCodes: ["80450"], population: 4_400, ...AMIENS },
    { inseeCode: "80724", name: "Salouël", postalCodes: ["80480"], population: 4_000, ...AMIENS },
    { inseeCode: "80674", name: "Rivery", postalCodes: ["80136"], population: 3_400, ...AMIENS },
    { inseeCode: "80131", name: "Boves", postalCodes: ["80440"], population: 3_000, ...AMIENS },
    { inseeCode: "80716", name: "Saleux", postalCodes: ["80480"], population: 2_700, ...AMIENS },
    { inseeCode: "80632", name: "Pont-de-Metz", postalCodes: ["80480"], population: 2_400, ...AMIENS },
    { inseeCode: "80261", name: "Dury", postalCodes: ["80480"], population: 1_500, ...AMIENS },
  ],
  "metropole-lilloise": [
    { inseeCode: "59350", name: "Lille", postalCodes: ["59000", "59160", "59260", "59777", "59800"], population: 236_700, ...MEL },
    { inseeCode: "59512", name: "Roubaix", postalCodes: ["59100"], population: 98_800, ...MEL },
    { inseeCode: "59599", name: "Tourcoing", postalCodes: ["59200"], population: 98_700, ...MEL },
    { inseeCode: "59009", name: "Villeneuve-d'Ascq", postalCodes: ["59491", "59493", "59650"], population: 62_700, ...MEL },
    { inseeCode: "59650", name: "Wattrelos", postalCodes: ["59150"], population: 40_700, ...MEL },
    { inseeCode: "59378", name: "Marcq-en-Barœul", postalCodes: ["59700"], population: 39_000, ...MEL },
    { inseeCode: "59328", name: "Lambersart", postalCodes: ["59130"], population: 27_500, ...MEL },
    { inseeCode: "59017", name: "Armentières", postalCodes: ["59280"], population: 25_000, ...MEL },
    { inseeCode: "59360", name: "Loos", postalCodes: ["59120"], population: 23_000, ...MEL },
    { inseeCode: "59368", name: "La Madeleine", postalCodes: ["59110"], population: 22_300, ...MEL },
    { inseeCode: "59410", name: "Mons-en-Barœul", postalCodes: ["59370"], population: 21_500, ...MEL },
    { inseeCode: "59163", name: "Croix", postalCodes: ["59170"], population: 21_200, ...MEL },
    { inseeCode: "59646", name: "Wasquehal", postalCodes: ["59290"], population: 20_600, ...MEL },
    { inseeCode: "59299", name: "Hem", postalCodes: ["59510"], population: 18_500, ...MEL },
  ],
};

/** Platform fields that do not depend on the clock; convention dates are added by the seed. */
export type PlatformSpec = Omit<
  Prisma.PlatformCreateManyInput,
  "id" | "perimeterInseeCodes" | "conventionStartDate" | "conventionEndDate" | "notificationDate" | "coPresidents"
> & { slug: PlatformSlug; staffEtp: number; population: number; companyCount: number; phonePrefix: string; hostingCity: string };

// Lens-Liévin and Amiénois stay below the large-territory thresholds (600 000 inhabitants and
// 50 000 companies); the Métropole lilloise is above both, so its cap is the "large territory" one.
export const PLATFORMS: PlatformSpec[] = [
  {
    slug: "lens-lievin",
    name: "Lens-Liévin",
    carryingStructureName: "Communauté d'agglomération de Lens-Liévin",
    carryingStructureType: "EPCI",
    hostingPlace: "Maison de l'emploi, 21 rue Marcel Sembat, 62300 Lens",
    hostingCity: "Lens",
    employmentZone: "Zone d'emploi de Lens",
    population: 242_000,
    companyCount: 11_800,
    staffEtp: 2,
    phonePrefix: "03 21",
  },
  {
    slug: "amienois",
    name: "Amiénois",
    carryingStructureName: "Maison de l'emploi et de la formation du Grand Amiénois",
    carryingStructureType: "ASSOCIATION",
    hostingPlace: "Pôle emploi-formation, 12 rue Frédéric Petit, 80000 Amiens",
    hostingCity: "Amiens",
    employmentZone: "Zone d'emploi d'Amiens",
    population: 312_000,
    companyCount: 21_500,
    staffEtp: 2,
    phonePrefix: "03 22",
  },
  {
    slug: "metropole-lilloise",
    name: "Métropole lilloise",
    carryingStructureName: "GIP Proch'Emploi Métropole lilloise",
    carryingStructureType: "GIP",
    hostingPlace: "Euralille, 1 place François Mitterrand, 59000 Lille",
    hostingCity: "Lille",
    employmentZone: "Zone d'emploi de Lille",
    population: 1_180_000,
    companyCount: 62_000,
    staffEtp: 3,
    phonePrefix: "03 20",
  },
];
