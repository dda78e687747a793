// oasdiff's x-stability-level values, lowest first (absent is stable). Apart from model.ts so that the kind's light
// description can validate the stabilityLevel option without loading the loader.
export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;
