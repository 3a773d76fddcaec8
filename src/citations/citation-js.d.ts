// @citation-js ships no type declarations; these cover the small part of its API we use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography' | 'citation', options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        /** Template name -> CSL style, as XML or as citeproc-js's JSON tree. */
        templates: {
          has(name: string): boolean;
          get(name: string): unknown;
          add(name: string, style: unknown): void;
          remove(name: string): void;
          list(): string[];
        };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
