/** How much lower than the answering thread a reload's worker runs (Unix niceness). */
export const WORKER_NICENESS: number;
/** Lowers the calling thread's priority (Linux); its niceness after, or null where it cannot. */
export function lowerThisThread(niceness?: number): number | null;
