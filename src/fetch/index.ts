/** Guarded fetching: every URL the bot fetches goes through guardedFetch (see guard.ts for the rules). */
import { AllowList } from './address.ts';
import type { FetchPolicy } from './guard.ts';

export { type AddressKind, AllowList, effectiveAddress, forbiddenKind, parseCidr } from './address.ts';
export {
  type BodyKind,
  checkUrl,
  type FetchOptions,
  type FetchPolicy,
  FetchRefused,
  type FetchResult,
  guardedFetch,
  MAX_BYTES,
  MAX_REDIRECTS,
  MEDIA_TYPES,
  type RefusalReason,
  type Resolver,
  systemResolver,
  TIMEOUT_MS,
} from './guard.ts';

/** The guard's policy from the configuration (`config.fetch`). */
export function fetchPolicy(config: { allow: readonly string[] }): FetchPolicy {
  return config.allow.length > 0 ? { allow: new AllowList(config.allow) } : {};
}
