/**
 * Word lists the extractor's rules rely on. Kept in one place so the rules read as grammar, not as string soup.
 * All entries are lower case; callers lower-case before looking up.
 */

import { isEnglishWord } from './dictionary.ts';

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Verbs (all forms we meet in news copy) that attribute speech. */
export const SPEECH_VERBS = set(`
  said says say saying told tells telling added adds adding wrote writes writing asked asks asking
  stated states explained explains explaining noted notes noting argued argues arguing claimed claims insisted insists
  insisting declaring warning proclaimed proclaims assured assures asserted asserts asserting wrote writes
  recalling conceding adding explaining arguing contending acknowledging cracked reacted indicated indicates
  interjected remembered pressed pointed concludes concluded blogged blogs opined surmised mused
  warned warns warning cautioned cautions replied replies responded responds continued recalled recalls
  acknowledged acknowledges admitted admits conceded concedes declared declares announced announces tweeted posted
  suggested suggests observed remarked emphasized emphasised stressed predicted predicts promised vowed complained countered
  quipped joked shouted yelled testified concluded maintained contended agreed urged pledged insisted reiterated
  confirmed denied boasted lamented mused conceded repeated fumed gushed raged scoffed snapped exclaimed retorted
  bragged marveled marvelled griped chided quipped blasted answered answers alleged alleges elaborated elaborates elaborating shouting yelling
  screamed screaming chimed interrupted wondered wonders promises beamed beams admitting write contends exhorted
  whispered whispers murmured muttered mumbled
`);

/** Verbs that introduce a reported clause (indirect speech). */
export const REPORTING_VERBS = set(`
  said says told tells added adds adding argued argues claimed claims warned warns cautioned noted notes insisted
  insists acknowledged acknowledges admitted admits conceded announced announces stated explained suggested predicted
  maintained contended testified wrote writes reiterated confirmed denied stressed emphasized emphasised
`);

/** Verbs that frame a partial quote inside a sentence (`called the offer "a brochure"`). */
export const FRAMING_VERBS = set(`
  called calls calling described describes describing dismissed dismisses labeled labelled termed
  characterized praised criticized slammed thanked thanks accused accuses blamed blames apologized pleaded begged
  demanded demands wondered questioned hailed condemned denounced welcomed promised vowed pledged urged
  labeling labelling branding branded deriding derided mocking mocked slamming blasting praising criticizing
  criticising accusing blaming thanking urging dismissing hailing condemning denouncing welcoming vowing pledging
  reported decried decries decrying citing proposed proposes lauded lauds lauding commended commends commending
  applauded applauds applauding faulted faults faulting touted touts touting extolled extols
`);

/** Words right before a quoted span that make it a name, not speech (`the so-called "deep state"`). */
export const NAMING_CUES = set(`
  so-called dubbed titled entitled nicknamed named branded
`);

/** Nouns that introduce a quoted title (`the film "The Long Tide"`): a title only when it is capitalised. */
export const TITLE_NOUNS = set(`
  film movie book novel song album show series play documentary podcast exhibit exhibition painting poem opera
  slogan motto headline hashtag term word phrase label banner brand program programme campaign initiative operation
  act bill law report study
`);

/** Honorifics: dropped from names (they carry gender but no role). */
export const HONORIFICS: Record<string, 'm' | 'f' | null> = {
  mr: 'm',
  'mr.': 'm',
  mrs: 'f',
  'mrs.': 'f',
  ms: 'f',
  'ms.': 'f',
  miss: 'f',
  mx: null,
  'mx.': null,
  dr: null,
  'dr.': null,
  sir: 'm',
  dame: 'f',
};

/** Capitalised title words that precede a name and become its role. */
export const TITLE_WORDS = set(`
  president president-elect governor-elect mayor-elect senator-elect vice prime minister secretary senator sen. rep. representative gov. governor mayor deputy councilwoman
  councilman councilmember council member alderman alderwoman judge justice attorney general director chancellor
  chief executive officer ceo cfo coo cto gm vp svp evp realtor chairman chairwoman chair chairperson commissioner sheriff superintendent
  principal professor prof. coach manager captain capt. gen. col. lt. sgt. officer detective det. ambassador pope
  king queen prince princess speaker leader majority minority spokesperson spokeswoman spokesman rev. bishop
  archbishop inspector prosecutor dean provost treasurer auditor comptroller controller founder economist
  analyst prof striker forward defender goalkeeper midfielder quarterback pitcher head assistant executive interim acting
  former adviser advisor counsel lawmaker trustee adm. admiral maj. major cmdr. commander sec. atty. supt. sgt
  congressman congresswoman assemblyman assemblywoman delegate candidate nominee
`);

/** Lower-case nouns that name a person's role (`union president`, `the chief executive`). */
export const ROLE_NOUNS = set(`
  speaker president president-elect governor-elect mayor-elect senator-elect spokeswoman spokesman spokesperson director executive officer chief mayor coach manager analyst economist
  professor researcher scientist attorney lawyer judge senator chair chairman chairwoman member leader secretary
  minister commissioner superintendent captain striker goalkeeper midfielder defender forward quarterback pitcher
  organizer founder owner resident teacher nurse doctor physician student worker driver engineer author historian
  expert strategist consultant investor governor councilwoman councilman councilmember prosecutor detective sheriff
  inspector principal dean treasurer auditor comptroller adviser advisor counsel lawmaker trustee negotiator
  representative official ceo cfo head operator activist scholar epidemiologist virologist astronomer biologist
  physicist chemist geologist ecologist climatologist researcher lead author shopkeeper farmer tenant landlord
  referee veteran winger rookie champion candidate architect planner librarian pastor mechanic electrician
  developer artist filmmaker director writer novelist poet singer musician actor actress designer photographer
  journalist editor reporter pediatrician surgeon specialist psychologist pharmacist dentist paramedic firefighter
  officer deputy trooper soldier pilot chef owner manager clerk cashier accountant banker broker trader lobbyist
  daughter son wife husband mother father brother sister grandmother grandfather granddaughter grandson widow
  neighbor neighbour friend colleague partner spouse parent tycoon mogul magnate billionaire neurosurgeon nominee
  radioman host businessman businesswoman commentator pundit strategist frontrunner front-runner supporter backer
  donor volunteer pollster staffer operative columnist moderator correspondent sociologist demographer lecturer
  campaigner canvasser organiser chairperson aide anchor congressman congresswoman delegate assemblyman assemblywoman
  alderman alderwoman ambassador attendee protester protestor voter retiree graduate alumnus alumna native
`);

/** Nouns that, in apposition, make a name a company (`Brightline Robotics, the maker of forklifts,`). */
export const COMPANY_NOUNS = set(`
  company firm maker manufacturer startup start-up retailer chain airline automaker carmaker brewer producer
  supplier developer operator provider insurer lender bank distributor publisher studio business conglomerate
  subsidiary brand biotech
`);

/** Lower-case nouns that name an organisation (`the company said`). */
export const ORG_NOUNS = set(`
  company firm group union council committee department ministry agency administration authority association
  federation league club team university college institute foundation hospital police office court commission board
  party service bank startup retailer airline automaker maker manufacturer chain insurer lab laboratory network
  museum school district city county state government campaign coalition organization organisation
`);

/** Nouns for a government body (`Fenwick's foreign ministry`, `the agency`): never a company the article names. */
export const GOVERNMENT_BODIES = set('ministry department agency embassy');

/** The name of a person's campaign or office as the extractor writes one (`Quill campaign`, `Reyes office`). */
export const PERSONS_BODY = / (campaign|office|camp|administration|team|staff)$/i;

/** Capitalised words that make a name an organisation. */
export const ORG_HEADS = set(`
  inc inc. corp corp. corporation company co co. group holdings ltd ltd. llc plc bank union council committee
  department ministry agency administration authority association federation league club university college
  institute foundation hospital police office court commission board party service services industries systems
  technologies labs motors airlines airways foods partners capital energy pharmaceuticals network news times post
  press reuters kremlin pentagon fbi cia nasa congress senate parliament fc united city county assembly school
  campaign
  schools district trust society alliance coalition center centre museum observatory laboratory organization
  organisation bureau tribunal cooperative co-op guild brewery bakery works mills media studios embassy
  consulate
`);

/** Organisation heads that mean "a company" for `the company said`. */
export const COMPANY_HEADS = set(`
  inc inc. corp corp. corporation company co co. group holdings ltd ltd. llc plc industries systems technologies
  labs motors airlines airways foods partners capital energy pharmaceuticals bank brewery bakery works mills media
  studios network
`);

/** Corporate suffixes dropped from a canonical organisation name. */
export const CORPORATE_SUFFIXES = set('inc inc. corp corp. ltd ltd. llc plc co co.');

/** Capitalised words that start sentences or name times and places, never part of a person's name. */
export const NOT_NAME_WORDS = set(`
  the a an this that these those it its he she they we i you his her their our but and or so yet in on at for with as
  if when while after before since although though still however meanwhile there here what who why how some many
  most one two three four five six seven eight nine ten twelve twenty thirty hundred thousand million last next earlier later now then during despite under over from by to of about also
  once again both each every all no not nor after amid among according asked speaking
  outside inside across behind beyond beneath toward towards through throughout within without against along around
  above below between upon until unlike like beside besides except
  nonetheless nevertheless however instead indeed moreover furthermore overall separately additionally just whether
  any such other another please thanks said says added told wrote former more ask meet consider imagine
  officials residents analysts experts critics investigators researchers scientists lawmakers parents teachers
  students workers protesters prosecutors authorities sources witnesses neighbors neighbours voters doctors nurses
  officers firefighters employees executives people others passengers riders fans players
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
  today yesterday tomorrow tonight
  like unlike besides including except without through until against beyond toward towards upon within across
  along around behind beside oh ah yes well okay ok hey wow my your our mine yours ours transcript transcripts
  review reviews note correction caption photo video related advertisement sponsored
  excerpt excerpts update given regarding concerning considering following
`);

/** Connectors allowed inside a capitalised name run (`Director of National Intelligence`, `Ludwig van Beethoven`). */
export const NAME_CONNECTORS = set('of for de da van von der del della la le bin al du st. st');

/** Pronouns that can stand for a speaker, with their gender (null: any). */
export const PRONOUNS: Record<string, 'm' | 'f' | 'org'> = { he: 'm', she: 'f', it: 'org' };

/** Common first names and their usual gender: one cue among several (honorifics and pronouns come first). */
const FEMALE = `
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
  kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
  amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
  janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
  cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail
  julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
  rose alexis kayla elena sofia lucia ana carmen rosa priya aisha fatima mei yuki ingrid greta hillary claire nadia
  leila yasmin amara keisha tanya vera irina olga svetlana natasha marta ines beatriz camila valentina renee monique
  dana hazel harriet miriam naomi esther tamara vanessa whitney zoe chloe lena nora ellen joanne louise
  ayesha chiara giulia francesca sabine anke eva katarzyna agnieszka zeynep elif mariam sana lin june april
`;
const MALE = `
  james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark donald
  steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
  jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
  tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry
  gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie
  alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis luis carlos miguel diego javier
  pablo rafael ahmed mohammed omar ali hassan raj arjun vikram hiroshi kenji wei jun ivan dmitri sergei vladimir
  mikhail boris igor viktor hans klaus lars sven pierre jean-luc marco giovanni antonio francesco emmanuel barack
  bernie joe mitch chuck rudy rex dan robert tomas mateo kwame kofi tunde olu marcus darnell tobias felix oscar
  hugo victor martin leon simon oliver harry alfie theo jamal andre wesley calvin ray ron tom tim ben sam
  dan bob jim mike steve greg jan johan dirk henrik anders magnus gareth ewan callum ahmad yusuf emre mehmet
  lukas jonas finn matteo luca lindsey xi newt reince mitt jeb rand marco ted chris
`;
export const FIRST_NAMES: Map<string, 'm' | 'f'> = new Map([
  ...FEMALE.trim()
    .split(/\s+/)
    .map((n) => [n, 'f'] as const),
  ...MALE.trim()
    .split(/\s+/)
    .map((n) => [n, 'm'] as const),
]);

/**
 * Places that are never speakers: a state or a city does not talk (its governor, mayor or government does, and
 * the text then names them). Countries are left out on purpose: "Russia said" reports a government.
 */
export const PLACES = set(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
  nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
  new_hampshire new_jersey new_mexico new_york north_carolina north_dakota rhode_island south_carolina south_dakota
  west_virginia united_states america u.s. us u.s.a. usa district_of_columbia puerto_rico washington_d.c. washington_dc
  manhattan brooklyn queens bronx chicago boston philadelphia atlanta miami dallas houston denver phoenix seattle
  detroit cleveland columbus cincinnati pittsburgh baltimore sacramento orlando tampa nashville memphis charlotte
  milwaukee minneapolis omaha tucson albuquerque portland las_vegas los_angeles san_francisco san_diego des_moines
  iowa_city manchester concord charleston columbia dayton helsinki london paris berlin brussels moscow beijing tokyo
  europe asia africa middle_east latin_america silicon_valley wall_street capitol_hill main_street
  ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss. mo.
  mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. w.va. wis.
  wyo. d.c.
`);

/** Parties and peoples (`a Dover Democrat`, `Muslim Americans`): never one person, nor a surname. */
export const PEOPLE_WORDS = set(`
  republican republicans democrat democrats democratic conservative conservatives liberal liberals progressive
  progressives independent independents libertarian libertarians gop pollsters polls estimates critics supporters
  opponents voters delegates americans american latino latinos latina hispanic hispanics evangelicals muslims
  christians catholics jews immigrants democracy congress senate house administration government officials
  union united
`);

/**
 * Capitalised words that name groups, parties or qualities, never one speaker (`Republicans said`, `Democratic`
 * opening `Democratic presidential candidate ...`), and sentence openers that are not names (these may end a
 * person's name after a first name: `Rex Early`).
 */
export const GROUP_WORDS = new Set([
  ...PEOPLE_WORDS,
  ...set(`
  thank thanks signs voice even early later shortly reached surveying having being asked speaking
  earlier instead indeed today tonight yesterday recently separately meanwhile update updated editor breaking watch
  ever never
`),
]);

/** A capitalised single word that reads as a common word: -ly adverbs, -ing and -ed verb forms, contractions. */
export function looksCommon(word: string): boolean {
  const l = word.toLowerCase();
  if (GROUP_WORDS.has(l)) return true;
  if (/['’](ve|re|ll|d|m|t)$/.test(l)) return true;
  // (Only real words: `Ebeling`, `Fielding` and `Reed` are surnames.)
  return /^[a-z]{4,}(ly|ing|ed)$/.test(l) && !FIRST_NAMES.has(l) && isEnglishWord(l);
}

/** Nouns for people whose plural opens a sentence as its subject (`Aides say`, `Advisers said`); no surnames. */
const PEOPLE_NOUNS = set(`
  aide adviser advisor ally staffer source critic supporter observer insider volunteer organizer official
  spokesperson lawmaker legislator delegate donor voter resident protester activist expert analyst strategist
  consultant economist researcher investigator prosecutor attorney lawyer officer leader member worker employee
`);

/**
 * A plural common noun for people (`Aides`, `Advisers`, `Officials`, `Analysts`): capitalised at a sentence's
 * start or inside a body's name (`Council of Economic Advisers`), never one person's name.
 */
export function pluralPeopleNoun(word: string): boolean {
  const l = word.toLowerCase();
  if (!/^[a-z]{4,}s$/.test(l) || FIRST_NAMES.has(l)) return false;
  const singular = l.endsWith('ies') ? `${l.slice(0, -3)}y` : l.slice(0, -1);
  return PEOPLE_NOUNS.has(singular) || (l.endsWith('es') && PEOPLE_NOUNS.has(l.slice(0, -2)));
}

/** True when the name words are a place (`United States`, `South Carolina`, `Ohio`). */
export function isPlace(nameWords: readonly string[]): boolean {
  return PLACES.has(nameWords.join('_').toLowerCase().replace(/^the_/, ''));
}

/** Places that are no state after a town's name (`Sobel, U.S. chairman of ...`). */
const NOT_STATES = new Set('united_states america u.s. us u.s.a. usa'.split(' '));

/**
 * `Harbor Falls, North Dakota,` / `Dover, Del.,`: the words after the comma that ends a run are a state, themselves
 * closed by punctuation, so the run is a town.
 */
export function townBefore(words: readonly { word: string; trail: string }[], at: number): boolean {
  for (let n = 1; n <= 2; n++) {
    const run = words.slice(at, at + n);
    if (run.length < n || run.slice(0, -1).some((t) => t.trail !== '')) return false;
    const key = run.map((t) => t.word.toLowerCase()).join('_');
    if (
      isPlace(run.map((t) => t.word)) &&
      !NOT_STATES.has(key) &&
      /^[,;:)]/.test((run.at(-1) as { trail: string }).trail)
    )
      return true;
  }
  return false;
}

/** News outlets and wires: organisations when they speak (`Reuters reported`, `CNN said`). Lower case. */
export const NEWS_ORGS = set(`
  reuters ap afp bloomberg cnn msnbc cnbc nbc abc cbs pbs npr bbc politico axios breitbart fox_news the_hill
  associated_press agence_france-presse the_new_york_times new_york_times the_washington_post washington_post
  the_wall_street_journal wall_street_journal usa_today the_guardian the_atlantic newsweek time buzzfeed huffpost
  the_huffington_post huffington_post vox slate salon the_daily_beast daily_beast new_york_post the_new_yorker
  los_angeles_times chicago_tribune the_boston_globe boston_globe the_times the_post the_journal univision
  telemundo al_jazeera the_economist financial_times the_intercept propublica the_daily_caller daily_caller
`);

/** Documents that can be quoted (`the joint statement said`): what they say is attributed to the document. */
export const DOCUMENT_NOUNS = set(`
  statement report letter memo memorandum complaint lawsuit suit filing study survey editorial release ad
  advertisement email e-mail tweet document indictment ruling petition platform resolution bill communique
  communiqué transcript column opinion
`);

/** Nouns for a news outlet (`the editorial board writes`, `the tabloid`): they mean the outlet the passage names. */
export const NEWS_NOUNS = set(`
  board paper newspaper tabloid website site outlet network magazine daily broadsheet publication
`);

/** Private people a story quotes without naming (never officials or spokespeople, who speak for a body). */
export const UNNAMED_PEOPLE = new Set(
  'student man woman voter resident supporter worker teacher parent mother father friend neighbor neighbour veteran protester attendee fan customer employee senior junior sophomore freshman undergraduate retiree farmer nurse driver owner shopper caller reader viewer listener participant reporter correspondent journalist photographer witness bystander onlooker passenger survivor operative staffer insider'.split(
    ' ',
  ),
);

/** Words that introduce one unnamed person (`one student`, `a Dover resident`, `another Dover Democrat`). */
export const UNNAMED_DETS = new Set(['a', 'an', 'one', 'another']);

/** Words that open a sentence before its subject without belonging to it (`But he said that "..."`, `Later, Ortega
 * said`, `Recently she announced, "..."`): capitalised there, yet never part of a name. */
export const SENTENCE_OPENERS = new Set(
  'but and so yet still later then now meanwhile also again separately instead however recently earlier finally afterward afterwards'.split(
    ' ',
  ),
);

/** Prepositions whose object is never the subject after them (not `after`, `before`, `until`: `after Reyes said`). */
export const OBJECT_PREPOSITIONS = set(`
  to with by for of at from about near toward towards against among between into onto over under like unlike on
  in around behind beside beyond through within without upon via than
`);

/** Words that open a clause of their own, whose subject may be the speaker (`over who won that Reyes said`). */
export const CLAUSE_OPENERS = set(`
  that which when where while as because if after before since until though although whether
`);

/** Auxiliaries that open a question before its subject (`Was Szlachta satisfied?`). Not `will`, `may` or `can`: first names. */
export const QUESTION_AUXILIARIES = set(`
  was were is are did does do has have had would could should
`);
