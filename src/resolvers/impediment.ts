import type { ResolverTable } from './resolver-types';

/** Resolvers of the impediment contract (src/shared/impediment-contract.ts). */
export const impedimentResolvers = {} satisfies Partial<ResolverTable>;
