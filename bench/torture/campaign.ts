/**
 * The reliability suite's one shape: a campaign tries an area of failure many times and counts
 * what held. `npm run torture` runs every campaign at full size and prints the table; the vitest
 * files beside each campaign run the same code at a small size inside `npm test`, so the fast
 * subset and the full campaign can never drift apart.
 */
export interface Outcome {
  area: string;
  tried: number;
  passed: number;
  /** One line per failed trial, enough to reproduce it (seed, offset, input). */
  failures: string[];
}

export interface CampaignOptions {
  /** How many trials; each campaign picks its own default for the full run. */
  trials: number;
  /** Seed for the campaign's PRNG, so a failure can be replayed. */
  seed: number;
}

export type Campaign = (options: CampaignOptions) => Promise<Outcome>;

/** A small deterministic PRNG (mulberry32): the same seed gives the same trials. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Runs trials, counting a trial as failed when it throws or returns a failure description. */
export async function runTrials(area: string, trials: number, trial: (index: number) => Promise<string | undefined>): Promise<Outcome> {
  const failures: string[] = [];
  for (let i = 0; i < trials; i++) {
    try {
      const failure = await trial(i);
      if (failure) failures.push(`#${i}: ${failure}`);
    } catch (error) {
      failures.push(`#${i}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  return { area, tried: trials, passed: trials - failures.length, failures };
}
