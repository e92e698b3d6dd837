/**
 * Wilson score interval for a proportion: `satisfied` successes out of `responses` trials.
 *
 * Chosen over the textbook normal ("Wald") interval because CSAT samples are small and often
 * near 100%, where Wald collapses to [1, 1] and claims a certainty the data does not have.
 * With no responses there is no evidence at all, so the honest interval is the whole [0, 1].
 */
export function wilsonInterval(satisfied: number, responses: number, z = 1.96): [number, number] {
  if (!Number.isInteger(responses) || responses < 0) {
    throw new RangeError(`responses must be a whole number >= 0, got ${responses}`);
  }
  if (!Number.isInteger(satisfied) || satisfied < 0 || satisfied > responses) {
    throw new RangeError(`satisfied must be a whole number between 0 and ${responses}, got ${satisfied}`);
  }
  if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
  if (responses === 0) return [0, 1];

  const n = responses;
  const p = satisfied / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0% and 100% the bound is exactly 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  const low = satisfied === 0 ? 0 : Math.max(0, centre - margin);
  const high = satisfied === n ? 1 : Math.min(1, centre + margin);
  return [low, high];
}
