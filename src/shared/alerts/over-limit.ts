// The alert rule: an hour whose energy exceeds the device's limit raises one alert.

/** True when an hour's energy, kWh, is over the limit, kWh. Equal is within the limit. */
export function isOverLimit(hourKwh: number, maxHourlyKwh: number): boolean {
  return hourKwh > maxHourlyKwh;
}
