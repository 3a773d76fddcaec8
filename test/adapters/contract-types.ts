/**
 * The platform-neutral shape every adapter is driven through by the one shared contract suite
 * (test/adapters/contract.test.ts), as crossws runs one shared suite per adapter. Each adapter folder supplies a
 * driver implementing ContractAdapter; the suite never sees a platform payload.
 */
import type { SearchEngine } from '../../src/search/types.ts';

/** A button on an answer, as the driver can press it again. */
export interface ContractButton {
  kind: 'share' | 'more';
  /** What the platform sends back when pressed (Slack's value, Discord's custom_id, the console's typed word). */
  value: string;
}

/** One answer, reduced to what every platform can be compared on. */
export interface ContractAnswer {
  /** The visible text of the answer, with the platform's escapes undone, for `toContain` checks. */
  text: string;
  /** The plain-text fallback the platform carries (notifications, screen readers). */
  fallback: string;
  buttons: ContractButton[];
  /** True when only the asker sees it. */
  private: boolean;
}

/** A running adapter with one user talking to it. */
export interface ContractSession {
  /** One command line as a user types it: `/quote putin working group`. */
  ask(line: string): Promise<ContractAnswer>;
  /** Presses a button of an earlier answer; resolves with what the platform posted as a result. */
  press(button: ContractButton): Promise<ContractAnswer>;
  close(): Promise<void>;
}

/**
 * What an adapter can do beyond the common core. The suite skips a case only for an adapter that declares it
 * lacks the capability, so no assertion is weakened for the others.
 */
export interface ContractCapabilities {
  /** A Share button that posts the answer publicly to the channel. */
  share: boolean;
  /** Answers only the asker sees (Slack ephemeral, Discord flag 64) as opposed to a public channel. */
  privateReplies: boolean;
}

/** An adapter under the contract: a name, what it can do, and a way to start it over a given engine. */
export interface ContractAdapter {
  name: string;
  capabilities: ContractCapabilities;
  /** The slash names (without the slash) this platform registers and answers: what help may name. */
  registered(): string[];
  start(engine: SearchEngine): Promise<ContractSession>;
}
