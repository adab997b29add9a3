/**
 * Countries and territories for flag templates: a name in a language (`{{Argentinien}}`, `{{Japan}}`) or an
 * ISO 3166-1 code with an optional year (`{{DEU-1935}}`, `{{POL}}`), to the region's name in the article's
 * language. The names are Intl's (CLDR) for every two-letter region it knows; a three-letter code goes
 * through the ISO 3166-1 table below to its two-letter code (no package in the project maps them, and Intl
 * takes only two-letter and numeric regions).
 */

/** ISO 3166-1 alpha-3 codes, each followed by its alpha-2 code. */
// prettier-ignore
const ALPHA3 = (
  'AFG AF ALA AX ALB AL DZA DZ ASM AS AND AD AGO AO AIA AI ATA AQ ATG AG ARG AR ARM AM ABW AW AUS AU AUT AT ' +
  'AZE AZ BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BMU BM BTN BT BOL BO BES BQ BIH BA BWA BW ' +
  'BVT BV BRA BR IOT IO BRN BN BGR BG BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CYM KY CAF CF TCD TD CHL CL ' +
  'CHN CN CXR CX CCK CC COL CO COM KM COG CG COD CD COK CK CRI CR CIV CI HRV HR CUB CU CUW CW CYP CY CZE CZ ' +
  'DNK DK DJI DJ DMA DM DOM DO ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE SWZ SZ ETH ET FLK FK FRO FO FJI FJ ' +
  'FIN FI FRA FR GUF GF PYF PF ATF TF GAB GA GMB GM GEO GE DEU DE GHA GH GIB GI GRC GR GRL GL GRD GD GLP GP ' +
  'GUM GU GTM GT GGY GG GIN GN GNB GW GUY GY HTI HT HMD HM VAT VA HND HN HKG HK HUN HU ISL IS IND IN IDN ID ' +
  'IRN IR IRQ IQ IRL IE IMN IM ISR IL ITA IT JAM JM JPN JP JEY JE JOR JO KAZ KZ KEN KE KIR KI PRK KP KOR KR ' +
  'KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS LBR LR LBY LY LIE LI LTU LT LUX LU MAC MO MDG MG MWI MW MYS MY ' +
  'MDV MV MLI ML MLT MT MHL MH MTQ MQ MRT MR MUS MU MYT YT MEX MX FSM FM MDA MD MCO MC MNG MN MNE ME MSR MS ' +
  'MAR MA MOZ MZ MMR MM NAM NA NRU NR NPL NP NLD NL NCL NC NZL NZ NIC NI NER NE NGA NG NIU NU NFK NF MKD MK ' +
  'MNP MP NOR NO OMN OM PAK PK PLW PW PSE PS PAN PA PNG PG PRY PY PER PE PHL PH PCN PN POL PL PRT PT PRI PR ' +
  'QAT QA REU RE ROU RO RUS RU RWA RW BLM BL SHN SH KNA KN LCA LC MAF MF SPM PM VCT VC WSM WS SMR SM STP ST ' +
  'SAU SA SEN SN SRB RS SYC SC SLE SL SGP SG SXM SX SVK SK SVN SI SLB SB SOM SO ZAF ZA SGS GS SSD SS ESP ES ' +
  'LKA LK SDN SD SUR SR SJM SJ SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TKL TK TON TO ' +
  'TTO TT TUN TN TUR TR TKM TM TCA TC TUV TV UGA UG UKR UA ARE AE GBR GB USA US UMI UM URY UY UZB UZ VUT VU ' +
  'VEN VE VNM VN VGB VG VIR VI WLF WF ESH EH YEM YE ZMB ZM ZWE ZW'
).split(' ');

const TO_ALPHA2 = new Map<string, string>();
for (let i = 0; i < ALPHA3.length; i += 2) TO_ALPHA2.set(ALPHA3[i]!, ALPHA3[i + 1]!);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function displayNames(language: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return undefined;
  }
}

/** Every two-letter region Intl names, as its code is written today (`DD`, `SU` are read as others: left out). */
const REGIONS: readonly string[] = (() => {
  const names = displayNames('en')!;
  const codes: string[] = [];
  for (const a of LETTERS)
    for (const b of LETTERS) {
      const code = a + b;
      if (names.of(code) && new Intl.Locale(`und-${code}`).region === code) codes.push(code);
    }
  return codes;
})();

const key = (name: string) => name.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** Per language, the regions by their names in it (lower case). */
const byName = new Map<string, Map<string, string>>();

function namesIn(language: string): Map<string, string> {
  let names = byName.get(language);
  if (!names) {
    names = new Map();
    const display = displayNames(language);
    for (const code of display ? REGIONS : []) {
      const name = display!.of(code);
      if (name && name !== code) names.set(key(name), code);
    }
    byName.set(language, names);
  }
  return names;
}

/** The region a name stands for in one of these languages (`Vereinigte Staaten` in German: US). */
export function regionByName(name: string, languages: readonly string[]): string | undefined {
  for (const language of languages) {
    const code = namesIn(language).get(key(name));
    if (code) return code;
  }
  return undefined;
}

/**
 * The region of a flag template's code as written: three capitals (ISO 3166-1 alpha-3), or two, each with
 * an optional year (`DEU-1935`, `US-1912`); two capitals alone are too often another template (`{{PD}}`).
 * `code` is the code found, `region` its two-letter region when the code is ISO's.
 */
export function regionByCode(name: string): { code: string; region?: string } | undefined {
  const m = /^([A-Z]{3})(?:-\d{4})?$|^([A-Z]{2})-\d{4}$/.exec(name.trim());
  if (!m) return undefined;
  if (m[1]) return { code: m[1], region: TO_ALPHA2.get(m[1]) };
  return { code: m[2]!, region: REGIONS.includes(m[2]!) ? m[2] : undefined };
}

/** A region's name in a language (English when Intl has none in it). */
export function regionName(region: string, language: string): string {
  return displayNames(language)?.of(region) ?? displayNames('en')?.of(region) ?? region;
}
