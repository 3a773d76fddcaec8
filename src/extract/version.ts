/**
 * Bump when extraction output changes on purpose: stored extractions (src/store) of another version are redone in
 * the background while they keep answering. In a file of its own (re-exported by index.ts) so the store can read it
 * at start-up without loading the extractor.
 */
export const EXTRACTOR_VERSION = '1';
