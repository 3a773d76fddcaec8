// @citation-js ships no type declarations; these cover the small part of its API we use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography' | 'citation', options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        templates: { has(name: string): boolean; add(name: string, xml: string): void; list(): string[] };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
