/**
 * `{{convert}}` and its relatives as Wikipedia shows them: "3 kilometres (1.9 mi)", "349,223 km² (134,836 sq mi)".
 * The units are a table (name, symbol, factor to the dimension's base unit, the default target); the
 * converted value keeps about as many significant figures as the input (two at least) unless the template
 * gives a precision.
 */

interface Unit {
  /** Singular and plural names; `symbol` for abbr=on and the converted value. */
  name: [string, string];
  symbol: string;
  dim: string;
  /** Value in the dimension's base unit = value × factor + offset. */
  factor: number;
  offset?: number;
  /** Default target unit code. */
  to?: string;
}

const u = (name: [string, string], symbol: string, dim: string, factor: number, to?: string, offset = 0): Unit => ({
  name,
  symbol,
  dim,
  factor,
  to,
  offset,
});

// prettier-ignore
const UNITS: Record<string, Unit> = {
  m: u(['metre', 'metres'], 'm', 'length', 1, 'ft'),
  km: u(['kilometre', 'kilometres'], 'km', 'length', 1000, 'mi'),
  cm: u(['centimetre', 'centimetres'], 'cm', 'length', 0.01, 'in'),
  mm: u(['millimetre', 'millimetres'], 'mm', 'length', 0.001, 'in'),
  ft: u(['foot', 'feet'], 'ft', 'length', 0.3048, 'm'),
  in: u(['inch', 'inches'], 'in', 'length', 0.0254, 'cm'),
  yd: u(['yard', 'yards'], 'yd', 'length', 0.9144, 'm'),
  mi: u(['mile', 'miles'], 'mi', 'length', 1609.344, 'km'),
  nmi: u(['nautical mile', 'nautical miles'], 'nmi', 'length', 1852, 'km'),
  m2: u(['square metre', 'square metres'], 'm²', 'area', 1, 'sqft'),
  km2: u(['square kilometre', 'square kilometres'], 'km²', 'area', 1e6, 'sqmi'),
  sqft: u(['square foot', 'square feet'], 'sq ft', 'area', 0.09290304, 'm2'),
  sqmi: u(['square mile', 'square miles'], 'sq mi', 'area', 2589988.110336, 'km2'),
  ha: u(['hectare', 'hectares'], 'ha', 'area', 1e4, 'acre'),
  acre: u(['acre', 'acres'], 'acres', 'area', 4046.8564224, 'ha'),
  kg: u(['kilogram', 'kilograms'], 'kg', 'mass', 1, 'lb'),
  g: u(['gram', 'grams'], 'g', 'mass', 0.001, 'oz'),
  t: u(['tonne', 'tonnes'], 't', 'mass', 1000, 'LT'),
  lb: u(['pound', 'pounds'], 'lb', 'mass', 0.45359237, 'kg'),
  oz: u(['ounce', 'ounces'], 'oz', 'mass', 0.028349523125, 'g'),
  LT: u(['long ton', 'long tons'], 'long tons', 'mass', 1016.0469088, 't'),
  ST: u(['short ton', 'short tons'], 'short tons', 'mass', 907.18474, 't'),
  '°C': u(['degree Celsius', 'degrees Celsius'], '°C', 'temperature', 1, '°F'),
  '°F': u(['degree Fahrenheit', 'degrees Fahrenheit'], '°F', 'temperature', 5 / 9, '°C', -32 * 5 / 9),
  K: u(['kelvin', 'kelvins'], 'K', 'temperature', 1, '°C', -273.15),
  'km/h': u(['kilometre per hour', 'kilometres per hour'], 'km/h', 'speed', 1 / 3.6, 'mph'),
  mph: u(['mile per hour', 'miles per hour'], 'mph', 'speed', 0.44704, 'km/h'),
  'm/s': u(['metre per second', 'metres per second'], 'm/s', 'speed', 1, 'ft/s'),
  'ft/s': u(['foot per second', 'feet per second'], 'ft/s', 'speed', 0.3048, 'm/s'),
  L: u(['litre', 'litres'], 'L', 'volume', 0.001, 'USgal'),
  USgal: u(['US gallon', 'US gallons'], 'US gal', 'volume', 0.003785411784, 'L'),
  impgal: u(['imperial gallon', 'imperial gallons'], 'imp gal', 'volume', 0.00454609, 'L'),
  m3: u(['cubic metre', 'cubic metres'], 'm³', 'volume', 1, 'cuft'),
  cuft: u(['cubic foot', 'cubic feet'], 'cu ft', 'volume', 0.028316846592, 'm3'),
  kW: u(['kilowatt', 'kilowatts'], 'kW', 'power', 1000, 'hp'),
  hp: u(['horsepower', 'horsepower'], 'hp', 'power', 745.69987158227, 'kW'),
};

const ALIASES: Record<string, string> = {
  metre: 'm',
  meter: 'm',
  kilometre: 'km',
  kilometer: 'km',
  foot: 'ft',
  feet: 'ft',
  mile: 'mi',
  miles: 'mi',
  sqkm: 'km2',
  'sq mi': 'sqmi',
  'sq ft': 'sqft',
  acres: 'acre',
  C: '°C',
  F: '°F',
  kmh: 'km/h',
  kph: 'km/h',
  l: 'L',
  usgal: 'USgal',
  kg2: 'kg',
  ton: 'ST',
  tonne: 't',
  lbs: 'lb',
  'm²': 'm2',
  'km²': 'km2',
};

const unitOf = (code: string): Unit | undefined => UNITS[code] ?? UNITS[ALIASES[code] ?? ''];

/** Words between the values of a range: `{{convert|3|to|5|km}}`. */
const RANGE = new Set(['to', '-', '–', 'and', 'or', 'by', 'x', '×', '+', 'to(-)', '+/-', '±']);

const toNumber = (s: string): number => Number(s.replace(/,/g, '').replace(/^−/, '-'));
const isNumber = (s: string): boolean => s.trim() !== '' && Number.isFinite(toNumber(s.trim()));

/** The converted number, rounded to `decimals` or to the input's significant figures (two at least). */
function formatConverted(value: number, input: string, decimals?: number): string {
  let places = decimals;
  if (places === undefined) {
    const digits = input.replace(/[^0-9.]/g, '');
    const [int = '', frac = ''] = digits.split('.');
    const sig = Math.max(
      2,
      (int.replace(/^0+/, '') + frac).replace(/^0+/, '').length - (frac ? 0 : /0*$/.exec(int)![0].length),
    );
    const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
    places = sig - 1 - magnitude;
  }
  const factor = 10 ** places;
  const rounded = places >= 0 ? Number(value.toFixed(places)) : Math.round(value * factor) / factor;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, places) });
}

const convertValue = (n: number, from: Unit, to: Unit): number =>
  (n * from.factor + (from.offset ?? 0) - (to.offset ?? 0)) / to.factor;

/**
 * The text of a convert template from its positional parameters and named options (`abbr`, `adj`, `disp`).
 * Unknown units: the values and the unit as written.
 */
export function convertText(positional: string[], named: (key: string) => string): string {
  const p = positional.map((s) => s.trim());
  const values: string[] = [p[0] ?? ''];
  const separators: string[] = [];
  let i = 1;
  while (RANGE.has(p[i] ?? '') && isNumber(p[i + 1] ?? '')) {
    separators.push(p[i]!);
    values.push(p[i + 1]!);
    i += 2;
  }
  const fromCode = p[i] ?? '';
  const from = unitOf(fromCode);
  const next = p[i + 1] ?? '';
  const to = unitOf(next) ?? (from?.to ? UNITS[from.to] : undefined);
  const precisionArg = unitOf(next) ? p[i + 2] : next;
  const decimals = precisionArg && /^-?\d+$/.test(precisionArg) ? Number(precisionArg) : undefined;
  const join = (vals: string[]) => vals.reduce((acc, v, k) => (k ? `${acc} ${separators[k - 1]} ${v}` : v), '');
  const shown = join(
    values.map((v) => (isNumber(v) ? toNumber(v).toLocaleString('en-US', { maximumFractionDigits: 10 }) : v)),
  );
  if (!from) return squashSpaces(`${shown} ${fromCode}`);
  // Temperatures show their symbol unless abbr=off: "30 °C (86 °F)", as Wikipedia prints them.
  const abbr =
    /^(on|yes|in)$/i.test(named('abbr')) || (from.dim === 'temperature' && !/^(off|no)$/i.test(named('abbr')));
  const plural = !(values.length === 1 && Math.abs(toNumber(values[0]!)) === 1);
  const adj = /^(on|yes)$/i.test(named('adj'));
  const unitWord = abbr ? from.symbol : adj ? from.name[0] : from.name[plural ? 1 : 0];
  const input = `${shown}${adj && !abbr ? '-' : ' '}${unitWord}`;
  if (!to || to.dim !== from.dim) return input;
  const converted = join(
    values.map((v) => (isNumber(v) ? formatConverted(convertValue(toNumber(v), from, to), v, decimals) : v)),
  );
  const output = `${converted} ${to.symbol}`;
  const disp = named('disp').toLowerCase();
  if (disp === 'or') return `${input} or ${output}`;
  if (disp === 'out' || disp === 'output only') return output;
  if (disp === 'number' || disp === 'output number only') return converted;
  return `${input} (${output})`;
}

function squashSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
