/** Credit lines (AP style, from the data) and CSL citations (APA/MLA/Chicago). */
export { type CreditSubject, creditLine, formatDateLong } from './credit.ts';
export {
  articleToCsl,
  CITATION_STYLES,
  type CitationStyle,
  CSL_TEMPLATES,
  formatArticleCitation,
  hasCslStyle,
  MissingStyleError,
  registerCslStyle,
} from './csl.ts';
export { attributionSetting } from './setting.ts';
