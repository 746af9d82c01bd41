// Energy and rates as people read them: a few significant decimals, the unit always shown.

const small = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 3 });
const large = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A number of kWh without its unit: 0.062, 3.5, 1,204. */
export function kwhNumber(kwh: number): string {
  const abs = Math.abs(kwh);
  if (abs >= 1000) return whole.format(kwh);
  return abs >= 10 ? large.format(kwh) : small.format(kwh);
}

export function formatKwh(kwh: number): string {
  return `${kwhNumber(kwh)} kWh`;
}

export function formatCount(n: number): string {
  return whole.format(n);
}

export function formatRate(perSecond: number): string {
  return `${perSecond >= 10 ? whole.format(perSecond) : large.format(perSecond)} readings/s`;
}
