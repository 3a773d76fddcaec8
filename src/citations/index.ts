/** Credit lines (AP style, from the data) and CSL citations (APA/MLA/Chicago). */
export { type CreditSubject, creditLine, formatDateLong } from './credit.ts';
export {
  articleToCsl,
  CITATION_STYLES,
  CitationFormatError,
  type CitationStyle,
  type CitationWarmup,
  type FormattedCitation,
  formatArticleCitation,
  type LoadedStyle,
  loadCitationStyle,
  MissingStyleError,
  type StyleResolution,
  warmCitations,
} from './csl.ts';
export { attributionSetting } from './setting.ts';
export {
  CSL_STYLE_NAMES,
  type CslNode,
  type CslStyleName,
  DEFAULT_STYLE_LOCATIONS,
  STYLE_FILES,
  type StyleLocations,
  styleLabel,
  styleSources,
  styleTitle,
} from './styles.ts';
