-- mongolia-relations: the schema and codebook.
--
-- Every table and column is documented here; this file is the codebook of the dataset.
-- The build (mongolia-relations/build.rs) runs this file, loads one CSV per table from seeds/
-- (the file name is the table name), validates the rows and writes a read-only SQLite file that
-- is embedded in the library.
--
-- Conventions
-- * Dates are EDTF (ISO 8601-2) strings in a column X. Whenever a table has X_start, X_end and
--   X_precision beside X, the build fills them from X: the earliest and latest ISO day the date
--   can denote and how finely it is known (day, month, season, quarter, half, year, decade,
--   century, interval, set). Seeds give only X. A partial date is never widened into a day.
-- * Unknown is NULL, never 0 or ''.
-- * Every row of a fact table (events, treaties, postings, memberships, observations, quantities,
--   person_roles, claims, polities, polity_codes, polity_names, missions) is cited by at least one row of
--   `citations`.
-- * Vocabularies are tables (event_kinds, participant_roles, ...); a value outside them fails
--   the build.
-- * Polities are states as they were: the USSR (SUN) is not Russia (RUS), the GDR (DDR) is not
--   Germany (DEU).

PRAGMA foreign_keys = ON;

-- metadata: facts about the dataset itself (one row per key). Keys: dataset_version, title,
-- schema_version, license, citation, content_hash (added by the build: SHA-256 over the schema
-- text and every table's rows in key order; it does not change with the SQLite version).
CREATE TABLE metadata (
    key   TEXT PRIMARY KEY,  -- the name of the property
    value TEXT NOT NULL      -- its value
) STRICT;

-- ===================================================================== vocabularies

-- event_kinds: what happened. Each kind maps to the closest CAMEO code (GDELT, ICEWS) and PLOVER
-- event type (POLECAT), so events can be appended to those data sets.
CREATE TABLE event_kinds (
    kind        TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL,     -- what the kind covers
    cameo       TEXT,              -- CAMEO event code (3 or 4 digits), NULL where none fits
    plover      TEXT,              -- PLOVER event type, NULL where PLOVER codes no event
    mapping_note TEXT              -- why the mapping was chosen where it is not exact
) STRICT;

INSERT INTO event_kinds VALUES
 ('relations_established', 'Diplomatic relations agreed or established between two states', '054', 'COOPERATE', 'CAMEO 054 grants diplomatic recognition; PLOVER codes it as diplomatic cooperation'),
 ('recognition', 'One state recognizes another (or its independence)', '054', 'COOPERATE', NULL),
 ('relations_broken', 'Diplomatic relations broken off or suspended', '161', 'SANCTION', NULL),
 ('recognition_withdrawn', 'One state withdraws its recognition of another', '161', 'SANCTION', 'coded like a break of relations'),
 ('relations_restored', 'Diplomatic relations restored after a break', '054', 'COOPERATE', 'no CAMEO code for restoring; coded as recognition'),
 ('embassy_opened', 'An embassy or other permanent mission opened', '050', 'COOPERATE', 'CAMEO 050: engage in diplomatic cooperation'),
 ('embassy_closed', 'An embassy or mission closed', '161', 'SANCTION', 'closing a mission reduces relations whatever the motive'),
 ('diplomat_expelled', 'Diplomats expelled or declared persona non grata', '174', 'COERCE', 'CAMEO 174: expel or deport individuals'),
 ('treaty_signed', 'A treaty, agreement, protocol, convention or declaration signed', '057', 'AGREE', NULL),
 ('treaty_ratified', 'Instruments of ratification approved or exchanged', '057', 'AGREE', NULL),
 ('treaty_in_force', 'A treaty enters into force', '057', 'AGREE', NULL),
 ('treaty_terminated', 'A treaty terminated, denounced, nullified or expired', '160', 'RETREAT', 'CAMEO 160: reduce relations, not specified'),
 ('visit', 'An official, state or working visit, party delegations included', '042', 'CONSULT', 'CAMEO 042 codes the visitor as source; the host is 043'),
 ('meeting', 'A meeting, talks, consultation or commission session', '040', 'CONSULT', NULL),
 ('aid', 'Material, economic, humanitarian or military aid', '070', 'AID', NULL),
 ('statement', 'A statement, message, invitation or position', '010', NULL, 'PLOVER does not code neutral statements'),
 ('membership', 'Joining an international organization', '050', 'COOPERATE', NULL),
 ('armed_conflict', 'A war, battle, campaign or armed clash', '190', 'ASSAULT', 'CAMEO 190: use conventional military force'),
 ('state_founded', 'A state proclaimed, founded, unified or dissolved', NULL, NULL, 'neither CAMEO nor PLOVER codes the birth of a state'),
 ('leader_change', 'A leader dies, resigns, is deposed or succeeded, or takes office', NULL, NULL, 'domestic; neither scheme codes it'),
 ('relations_worsened', 'Relations between two states or parties cool, split or break down (short of a formal break)', '160', 'SANCTION', 'CAMEO 160: reduce relations, not specified'),
 ('relations_improved', 'A rapprochement, normalization or marked improvement of relations', '050', 'COOPERATE', 'CAMEO 050: engage in diplomatic cooperation'),
 ('policy_adopted', 'A foreign-policy concept, doctrine, law or line adopted or announced', '010', NULL, 'coded as a public statement; PLOVER codes no policy adoption'),
 ('proposal', 'A proposal, offer or suggestion put to another side', '030', NULL, 'CAMEO 03: express intent to cooperate; PLOVER keeps intentions as a mode, not a type'),
 ('request', 'An appeal or request to another side', '020', 'REQUEST', NULL),
 ('plan', 'A meeting, visit or step announced or scheduled (a fact about a plan, not that it happened)', '036', NULL, 'CAMEO 036: express intent to meet or negotiate; PLOVER keeps intentions as a mode'),
 ('body_established', 'A joint commission, committee or working group set up', '050', 'COOPERATE', 'a standing channel of cooperation'),
 ('project', 'A development project, programme or initiative launched, run or funded', '061', 'COOPERATE', 'CAMEO 061: cooperate economically'),
 ('other', 'Anything else of note, described in the summary', NULL, NULL, NULL);

-- participant_roles: the part a participant takes in an event.
CREATE TABLE participant_roles (
    role        TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO participant_roles VALUES
 ('party', 'A side of an agreement, relation or meeting (symmetric)'),
 ('visitor', 'The side that travels'),
 ('host', 'The side that receives a visit or hosts a meeting'),
 ('donor', 'The side that gives aid'),
 ('recipient', 'The side that receives aid or recognition'),
 ('actor', 'The side that acts (breaks, recognizes, expels, states)'),
 ('target', 'The side acted upon'),
 ('signatory', 'A person who signs'),
 ('delegation_head', 'A person who leads a delegation'),
 ('participant', 'Any other person or organization taking part'),
 ('third_party', 'A state outside the dyad that takes part or is concerned');

-- event_levels: the highest level of those taking part in an event, as coded from the source's
-- wording (a head of state's visit, talks of foreign ministers, a party delegation).
CREATE TABLE event_levels (
    level       TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO event_levels VALUES
 ('head_of_state', 'A head of state (president, chairman of the presidium, party leader as head of state)'),
 ('head_of_government', 'A head of government (prime minister, chairman of the council of ministers)'),
 ('minister', 'A minister (foreign minister above all)'),
 ('deputy_minister', 'A deputy minister or state secretary'),
 ('parliament', 'Members or leaders of a parliament'),
 ('party', 'Leaders or delegations of the ruling parties, as party organs'),
 ('ambassador', 'Ambassadors'),
 ('official', 'Officials below deputy minister'),
 ('other', 'Anyone else');

-- event_channels: the channel through which an event runs.
CREATE TABLE event_channels (
    channel     TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO event_channels VALUES
 ('state', 'Between states or governments'),
 ('party', 'Between ruling parties (MPRP and WPK, CPSU...)'),
 ('parliament', 'Between parliaments'),
 ('multilateral', 'In or through an international organization or forum');

-- source_kinds: what kind of document a source is.
CREATE TABLE source_kinds (
    kind        TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO source_kinds VALUES
 ('encyclopedia', 'An encyclopedia article or a mirror of one'),
 ('scholarly_article', 'A scholarly article or essay with references'),
 ('news', 'A news report or news agency item'),
 ('blog', 'A blog post or repost'),
 ('official', 'A page or document of a government, embassy or international organization'),
 ('reference', 'A reference list or code table (ISO 3166, Correlates of War)'),
 ('web_page', 'Any other web page');

-- treaty_kinds: the form of an international instrument.
CREATE TABLE treaty_kinds (
    kind        TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO treaty_kinds VALUES
 ('treaty', 'A treaty'),
 ('agreement', 'An agreement between states or governments'),
 ('protocol', 'A protocol, annual protocols on trade included'),
 ('convention', 'A convention (consular conventions included)'),
 ('declaration', 'A joint declaration, statement or communique');

-- membership_statuses: the standing of a polity in an organization.
CREATE TABLE membership_statuses (
    status      TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO membership_statuses VALUES
 ('member', 'Full member'),
 ('founding_member', 'Member from the foundation'),
 ('observer', 'Observer'),
 ('partner', 'Partner or participant without membership');

-- indicators: what an observation measures.
CREATE TABLE indicators (
    indicator   TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL,     -- what is measured, from whose side
    unit        TEXT NOT NULL      -- the unit of `observations.value`
) STRICT;

INSERT INTO indicators VALUES
 ('trade_turnover', 'Total trade (exports plus imports) between Mongolia and the partner, as reported by Mongolian statistics', 'USD million');

-- code_schemes: the code systems of the crosswalk (polity_codes).
CREATE TABLE code_schemes (
    scheme      TEXT PRIMARY KEY,  -- our code, as used in polity_codes.scheme
    description TEXT NOT NULL,     -- what the codes are and whose list they come from
    numeric     INTEGER NOT NULL CHECK (numeric IN (0, 1))  -- 1 when the codes are numbers (compared as numbers on lookup)
) STRICT;

INSERT INTO code_schemes VALUES
 ('iso2', 'ISO 3166-1 alpha-2 (ISO 3166-3 for withdrawn codes)', 0),
 ('iso3', 'ISO 3166-1 alpha-3 (ISO 3166-3 for withdrawn codes)', 0),
 ('iso_numeric', 'ISO 3166-1 numeric (ISO 3166-3 for withdrawn codes), written with three digits', 1),
 ('cow', 'Correlates of War state number (ccode), State System Membership List v2016', 1),
 ('cow_abbrev', 'Correlates of War state abbreviation (stateabb)', 0),
 ('gw', 'Gleditsch-Ward state number (gwcode), list of independent states since 1816', 1);

-- ===================================================================== entities

-- sources: every document a fact is taken from.
CREATE TABLE sources (
    id          TEXT PRIMARY KEY,  -- our id (doc000..doc004 for the five founding documents)
    title       TEXT NOT NULL,     -- title as the document shows it
    author      TEXT,              -- author or editor where the text shows one
    publisher   TEXT,              -- site, agency or publisher where known
    kind        TEXT NOT NULL REFERENCES source_kinds(kind),  -- see source_kinds
    url         TEXT,              -- where it can be read, where known
    published   TEXT,              -- publication date, EDTF
    published_start TEXT,          -- derived: earliest day of `published`
    published_end   TEXT,          -- derived: latest day of `published`
    published_precision TEXT,      -- derived: precision of `published`
    language    TEXT NOT NULL,     -- ISO 639-1 code of the text
    sha256      TEXT,              -- SHA-256 of the text we hold (the file in shared/seeds), NULL for web pages
    reliability TEXT NOT NULL DEFAULT 'normal' CHECK (reliability IN ('normal', 'weak')),  -- 'weak': blog, mirror, machine-written or anniversary arithmetic
    note        TEXT,  -- what we know about the document, in our words
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- polities: every state in the data, historical states as themselves.
CREATE TABLE polities (
    code        TEXT PRIMARY KEY,  -- our stable code: ISO 3166-1 alpha-3, ISO 3166-3 for withdrawn states (SUN, DDR, CSK, YUG, YMD, VDR), or our own (RSF, YAR, ROC) where ISO has none
    name        TEXT NOT NULL,     -- common English name
    official_name TEXT,            -- full name where useful
    iso2        TEXT,              -- ISO 3166-1 alpha-2 (or the withdrawn ISO 3166-3 alpha-2), NULL where none
    iso3        TEXT,              -- ISO 3166-1 alpha-3 (or withdrawn), NULL where none
    iso_numeric INTEGER,           -- ISO 3166-1 numeric (or withdrawn), NULL where none
    iso_withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (iso_withdrawn IN (0, 1)),  -- 1 when the ISO codes are withdrawn ones (ISO 3166-3)
    cow_code    INTEGER,           -- Correlates of War state number (ccode) today or at the polity's end, NULL where COW has none or we have no source; polity_codes has the dated history
    cow_abbrev  TEXT,              -- Correlates of War abbreviation
    gw_code     INTEGER,           -- Gleditsch-Ward state number today or at the polity's end, NULL where we have no source; polity_codes has the dated history and disputes the converters' differing numbers
    start_year  INTEGER,           -- first year the state existed as this polity, where a source gives it
    end_year    INTEGER,           -- last year, NULL while it exists
    successor   TEXT REFERENCES polities(code),  -- the polity that continued it, where one did
    is_un_member INTEGER NOT NULL DEFAULT 0 CHECK (is_un_member IN (0, 1)),  -- 1 for the 193 UN members of today
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- polity_aliases: other names and codes that resolve to a polity (case-insensitive).
CREATE TABLE polity_aliases (
    polity TEXT NOT NULL REFERENCES polities(code),  -- the polity
    alias  TEXT NOT NULL,                            -- a name, short name or abbreviation
    PRIMARY KEY (polity, alias)
) STRICT;

-- polity_codes: the code crosswalk. One row per code a scheme gives a polity, with the days
-- between which the scheme's list gives it that code: COW and G&W rows are system-membership
-- (independence) spells, so a state occupied in wartime has two rows; ISO rows end on the day the
-- code was withdrawn (ISO 3166-3) and have no start, since our source does not date assignments.
-- Where one number spans two polities of this dataset (365: USSR then Russia; 260: FRG then
-- unified Germany in G&W; 678: North then unified Yemen in G&W; 345: Yugoslavia then Serbia in
-- COW), the spell is cut at the boundary day, the row is 'inferred' and its note says where the
-- day comes from. A code may denote different polities at different times (CS: Czechoslovakia,
-- later Serbia and Montenegro), so look codes up with a date (Dataset::polity_for_code).
CREATE TABLE polity_codes (
    id          INTEGER PRIMARY KEY,
    polity      TEXT NOT NULL REFERENCES polities(code),      -- the polity the code denotes
    scheme      TEXT NOT NULL REFERENCES code_schemes(scheme), -- the code system
    code        TEXT NOT NULL,     -- the code as the scheme writes it
    valid_from  TEXT,              -- EDTF; first day the list gives the code to the polity, NULL where not dated
    valid_from_start TEXT, valid_from_end TEXT, valid_from_precision TEXT,  -- derived bounds of `valid_from`
    valid_to    TEXT,              -- EDTF; last day, NULL while it holds (the list's own end date, 2016-12-31 for COW and 2020-12-31 for G&W, reads as open)
    valid_to_start TEXT, valid_to_end TEXT, valid_to_precision TEXT,        -- derived bounds of `valid_to`
    certainty   TEXT NOT NULL DEFAULT 'stated' CHECK (certainty IN ('stated', 'inferred')),  -- 'inferred': a boundary is ours (a split or a replaced code); note says why
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

CREATE INDEX polity_codes_lookup ON polity_codes(scheme, code);
CREATE INDEX polity_codes_polity ON polity_codes(polity);

-- polity_names: the names (and letter codes) the state lists of other datasets give a polity:
-- the COW State System Membership list (statenme, stateabb) and the Gleditsch-Ward list
-- (country_name, gwc). One row per line of a list and polity, for the days the line's spell
-- and the polity's crosswalk spell of the same number (polity_codes) share, so that COW's
-- "Russia" names the USSR up to 1991-12-25 and Russia from 1991-12-26. Names pasted from those
-- lists resolve through it (with a date where one name or code spans two polities). Each row
-- is cited by the list's line (`¶N`, the header being ¶1). Written by
-- scripts/import_polity_names.py from the files of shared/data; edit that script, not the seed.
CREATE TABLE polity_names (
    id          INTEGER PRIMARY KEY,
    polity      TEXT NOT NULL REFERENCES polities(code),  -- the polity the line denotes on those days
    list        TEXT NOT NULL CHECK (list IN ('cow', 'gw')),  -- 'cow': COW State System Membership v2016; 'gw': Gleditsch-Ward with microstates
    name        TEXT NOT NULL,     -- the name as the list writes it
    abbrev      TEXT NOT NULL,     -- the list's letter code (COW stateabb, G&W gwc; G&W letters are not ISO codes)
    number      INTEGER NOT NULL,  -- the list's state number (COW ccode, G&W gwcode)
    valid_from  TEXT NOT NULL,     -- ISO day: the first day of the shared spell
    valid_to    TEXT,              -- ISO day: the last day, NULL while the list has the state in being
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

CREATE INDEX polity_names_polity ON polity_names(polity);

-- organizations: international organizations and forums.
CREATE TABLE organizations (
    code    TEXT PRIMARY KEY,  -- our code, usually the English acronym
    name    TEXT NOT NULL,     -- full English name
    note    TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- organization_aliases: other names and acronyms.
CREATE TABLE organization_aliases (
    organization TEXT NOT NULL REFERENCES organizations(code),
    alias        TEXT NOT NULL,
    PRIMARY KEY (organization, alias)
) STRICT;

-- persons: people in the data.
CREATE TABLE persons (
    id      INTEGER PRIMARY KEY,  -- our id
    name    TEXT NOT NULL,        -- the name as we print it (family name or patronymic initial as the sources write it)
    polity  TEXT REFERENCES polities(code),  -- the state the person served
    note    TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- person_names: every spelling the sources use (Kim Il Sung, Kim Il-sung, Kim Ir Sen).
CREATE TABLE person_names (
    person INTEGER NOT NULL REFERENCES persons(id),
    name   TEXT NOT NULL,  -- a variant romanization or spelling
    PRIMARY KEY (person, name)
) STRICT;

-- person_roles: offices a person held, as the sources state them (cited).
CREATE TABLE person_roles (
    id      INTEGER PRIMARY KEY,
    person  INTEGER NOT NULL REFERENCES persons(id),
    role    TEXT NOT NULL,     -- the office, in English (e.g. 'Foreign Minister')
    polity  TEXT REFERENCES polities(code),  -- where held
    "from"  TEXT,              -- EDTF
    from_start TEXT, from_end TEXT, from_precision TEXT,  -- derived bounds of `from`
    "to"    TEXT,              -- EDTF
    to_start TEXT, to_end TEXT, to_precision TEXT,        -- derived bounds of `to`
    note    TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- ===================================================================== facts

-- treaties: international instruments. Their dates are events (treaty_signed, treaty_ratified,
-- treaty_in_force, treaty_terminated) linked by events.treaty; see the view treaty_dates.
CREATE TABLE treaties (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,     -- English title (our translation where the source gives another)
    kind        TEXT NOT NULL REFERENCES treaty_kinds(kind),
    term_years  INTEGER,           -- the term in years where a cited source states one (an annual protocol: 1; a five-year agreement: 5); NULL where none is stated, never filled in (see treaty_dates for how a term ends a treaty)
    languages   TEXT,              -- ISO 639-1 codes of the authentic texts, ';'-separated, where stated
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- treaty_parties: the states party to a treaty.
CREATE TABLE treaty_parties (
    treaty INTEGER NOT NULL REFERENCES treaties(id),
    polity TEXT NOT NULL REFERENCES polities(code),
    PRIMARY KEY (treaty, polity)
) STRICT;

-- events: one row per dated happening.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL REFERENCES event_kinds(kind),
    date        TEXT NOT NULL,     -- EDTF, at the precision the source gives
    date_start  TEXT,              -- derived: earliest day
    date_end    TEXT,              -- derived: latest day
    date_precision TEXT,           -- derived: day, month, season, quarter, half, year, decade, century, interval, set
    date_long   INTEGER GENERATED ALWAYS AS (julianday(date_end) - julianday(date_start) > 366) STORED,  -- generated: 1 when the date may span more than 366 days (decades, long intervals and sets); a range query bounds the start of every other event from both sides
    certainty   TEXT NOT NULL DEFAULT 'stated' CHECK (certainty IN ('stated', 'inferred')),  -- 'inferred': the source does not state the date (or its year); date_note gives the reasoning
    date_note   TEXT,              -- how an inferred date was reached, or what the source says ("end of 1953")
    place       TEXT,              -- city or place where it happened, where known
    place_polity TEXT REFERENCES polities(code),  -- the state the place was in
    level       TEXT REFERENCES event_levels(level),  -- highest level involved (see event_levels), NULL where the coders did not code it (the `level` filter never matches NULL)
    channel     TEXT REFERENCES event_channels(channel),  -- the channel of relations (see event_channels), NULL where not coded
    treaty      INTEGER REFERENCES treaties(id),  -- the treaty this event concerns (treaty_* kinds)
    summary     TEXT NOT NULL,     -- what happened, in our own words
    note        TEXT,
    mongolia_role TEXT CHECK (mongolia_role IN ('party', 'host', 'third_party', 'none')),  -- derived by the build from event_participants (Mongolia, or a person of Mongolia): 'none' for a context event in which Mongolia takes no part (a war, a summit or a split between other states), 'third_party' when it is only concerned, 'host' when it is only the venue of two or more other states meeting as parties, 'party' otherwise (a host that receives a visit, aid or an embassy is a side)
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- event_participants: who took part in an event and in what role. Exactly one of polity,
-- person, organization is set.
CREATE TABLE event_participants (
    event        INTEGER NOT NULL REFERENCES events(id),
    polity       TEXT REFERENCES polities(code),
    person       INTEGER REFERENCES persons(id),
    organization TEXT REFERENCES organizations(code),
    role         TEXT NOT NULL REFERENCES participant_roles(role),
    CHECK ((polity IS NOT NULL) + (person IS NOT NULL) + (organization IS NOT NULL) = 1)
) STRICT;

-- postings: diplomats (ambassadors above all) sent from one state to another.
CREATE TABLE postings (
    id          INTEGER PRIMARY KEY,
    person      INTEGER NOT NULL REFERENCES persons(id),
    role        TEXT NOT NULL DEFAULT 'ambassador' CHECK (role IN ('ambassador', 'envoy', 'counsellor', 'charge_d_affaires')),
    sending     TEXT NOT NULL REFERENCES polities(code),   -- the state the diplomat represented
    receiving   TEXT NOT NULL REFERENCES polities(code),   -- the state the diplomat was posted to
    start       TEXT,              -- EDTF
    start_start TEXT, start_end TEXT, start_precision TEXT,  -- derived bounds of `start`
    "end"       TEXT,              -- EDTF; NULL where the source gives no end
    end_start TEXT, end_end TEXT, end_precision TEXT,        -- derived bounds of `end`
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- memberships: a polity's standing in an organization.
CREATE TABLE memberships (
    id           INTEGER PRIMARY KEY,
    polity       TEXT NOT NULL REFERENCES polities(code),
    organization TEXT NOT NULL REFERENCES organizations(code),
    status       TEXT NOT NULL REFERENCES membership_statuses(status),
    start        TEXT,             -- EDTF; NULL where no source dates it
    start_start TEXT, start_end TEXT, start_precision TEXT,  -- derived bounds of `start`
    "end"        TEXT,             -- EDTF; NULL while it lasts or where unknown
    end_start TEXT, end_end TEXT, end_precision TEXT,        -- derived bounds of `end`
    note         TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- observations: numeric series, e.g. trade. Unknown is NULL, never 0.
CREATE TABLE observations (
    id          INTEGER PRIMARY KEY,
    polity      TEXT NOT NULL REFERENCES polities(code),  -- the partner the figure is about
    reporter    TEXT NOT NULL DEFAULT 'MNG' REFERENCES polities(code),  -- whose statistics
    indicator   TEXT NOT NULL REFERENCES indicators(indicator),
    period      TEXT NOT NULL,     -- EDTF (a year for annual figures)
    period_start TEXT, period_end TEXT, period_precision TEXT,  -- derived bounds of `period`
    value       REAL,              -- the figure; NULL where the source gives none
    unit        TEXT NOT NULL,     -- unit of `value`
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- quantities: numbers attached to events (10,000 horses, 197 orphans).
CREATE TABLE quantities (
    id          INTEGER PRIMARY KEY,
    event       INTEGER NOT NULL REFERENCES events(id),
    value       REAL NOT NULL,     -- the number
    qualifier   TEXT NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'approximately', 'at_least', 'more_than', 'up_to')),  -- how the source bounds it
    unit        TEXT NOT NULL,     -- what is counted ('horses', 'orphans', 'workers')
    note        TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- ===================================================================== provenance

-- citations: links a fact row to a source, with a locator.
CREATE TABLE citations (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL REFERENCES sources(id),
    record_table TEXT NOT NULL CHECK (record_table IN ('events', 'treaties', 'postings', 'memberships', 'observations', 'quantities', 'person_roles', 'claims', 'polities', 'polity_codes', 'polity_names', 'missions')),  -- the table of the cited row
    record_id    TEXT NOT NULL,    -- the cited row's key (id, or code for polities)
    locator      TEXT NOT NULL,    -- where in the source: for a text we hold (sources.sha256) steps a program resolves, e.g. '§Hopes dashed, ¶2', '§Americas, row 2', 'footnote xii' (docs/locators.md); free text otherwise
    quote        TEXT,             -- a short identifying phrase from the source (ten words at most), inside the span the locator names
    note         TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- disputes: sources that disagree, or a source that disagrees with itself (misprints).
CREATE TABLE disputes (
    id      INTEGER PRIMARY KEY,
    topic   TEXT NOT NULL,     -- what is in dispute, in a few words
    kind    TEXT NOT NULL DEFAULT 'conflict' CHECK (kind IN ('conflict', 'misprint', 'precision')),  -- 'conflict': the sources disagree; 'misprint': a text contradicts itself or cannot be right (the note says why); 'precision': the values agree but one is more precise (the record carries it; the coarser value stays as a claim with its source, as Wikidata keeps a less precise statement)
    note    TEXT NOT NULL,  -- the disagreement, in our words; no side is silently preferred
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- claims: one side of a dispute: a value a source gives for a property of a record.
CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    dispute      INTEGER NOT NULL REFERENCES disputes(id),
    record_table TEXT CHECK (record_table IN ('events', 'treaties', 'postings', 'memberships', 'observations', 'quantities', 'person_roles', 'polities', 'polity_codes', 'missions')),  -- the record the claim is about, where it is one
    record_id    TEXT,             -- its key
    property     TEXT NOT NULL,    -- what the claim is about ('date', 'count', 'reason', 'name')
    value        TEXT NOT NULL,    -- the value this side gives, in our words
    rank         TEXT NOT NULL DEFAULT 'normal' CHECK (rank IN ('preferred', 'normal', 'deprecated')),  -- as Wikidata ranks statements: 'preferred' where the record carries this value because it is the more precise of agreeing values; 'deprecated' where the value cannot be right (a misprint); 'normal' otherwise: no side of a conflict is preferred
    note         TEXT,
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- uncited_paragraphs: the paragraphs of a source text we hold that carry no fact, and why (a
-- heading, site furniture, a repeated paragraph, the author's reasoning). With the citations they
-- account for every paragraph: `verify-sources` fails on a paragraph of a held plain text that is
-- neither cited nor listed here, so that a fact left out cannot pass unnoticed.
CREATE TABLE uncited_paragraphs (
    source  TEXT NOT NULL REFERENCES sources(id),
    locator TEXT NOT NULL,     -- the paragraph, in the grammar of citations.locator
    reason  TEXT NOT NULL,     -- why it carries no fact, in our words
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations',  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
    PRIMARY KEY (source, locator)
) STRICT;

-- ===================================================================== missions

-- mission_kinds: the kind of diplomatic or consular presence a row of `missions` records.
CREATE TABLE mission_kinds (
    kind        TEXT PRIMARY KEY,  -- our code
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO mission_kinds VALUES
 ('embassy', 'A resident embassy (or high commission) of the sending state in the receiving state'),
 ('consulate_general', 'A consulate general, as the source names it (a source may not say whether it is a career or an honorary post)'),
 ('consulate', 'A consulate'),
 ('consular_office', 'A consular office below consulate rank: a consular department or branch, e.g. one kept where an embassy closed'),
 ('honorary_consulate', 'An honorary consulate or honorary consulate general, headed by an honorary consul'),
 ('representative_office', 'A representative, trade or economic office that stands in for an embassy where the two have no diplomatic relations'),
 ('liaison_office', 'A liaison or interests office short of an embassy'),
 ('accredited_from', 'Non-resident accreditation: the sending state covers the receiving state from its embassy in another state (city and accredited_from name that embassy)');

-- missions: who keeps which diplomatic or consular presence where. One row per mission (or per
-- non-resident accreditation) as a source states it; a mission that closed and reopened is two
-- rows. Rows say what the source says, so an undated "X has an embassy in Ulaanbaatar" is a
-- row with NULL opened and closed and status 'open'. A resident embassy is kind 'embassy' with
-- receiving = the host state; a state covered from an embassy elsewhere is kind
-- 'accredited_from' with receiving = the covered state and accredited_from = the host of the
-- embassy that covers it (Mexico covers Mongolia from Seoul: sending MEX, receiving MNG,
-- accredited_from KOR, city Seoul). A state's embassy named only because it also covers a third
-- state (Mongolia's embassy in Washington, named as covering Mexico) is a row of its own.
-- "As of": the Wikipedia texts we hold are of an undated revision (late 2025 by internal
-- evidence), and a sentence in them may be years older than the revision (Tajikistan's row
-- calls Astana Nur-Sultan, its name from 2019 to 2022). Their present tense is therefore not
-- dated to the revision: for them as_of stays NULL, to be read as "so at some recent time the
-- text does not date", and a hint, where the text gives one, goes to note. The build refuses a
-- mission whose sending and receiving states are one, that closes before it opens, that has a
-- closing date but status 'open', an accredited_from that is missing, stray or the receiving
-- state, or dates outside the years of one of its states.
CREATE TABLE missions (
    id          INTEGER PRIMARY KEY,
    sending     TEXT NOT NULL REFERENCES polities(code),  -- the state the mission represents
    receiving   TEXT NOT NULL REFERENCES polities(code),  -- the state it is accredited to (for every kind but accredited_from, the state it stands in)
    kind        TEXT NOT NULL REFERENCES mission_kinds(kind),  -- see mission_kinds
    city        TEXT,              -- the city the mission is in, in its common English spelling (the source's older name in note); for accredited_from the city of the covering embassy; NULL where the source names no city and none follows from it
    accredited_from TEXT REFERENCES polities(code),  -- accredited_from only: the state whose territory holds the covering embassy (never the receiving state); NULL for every other kind
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),  -- 'closed' when the source says the mission closed, with or without a date (closed may be NULL); 'open' when it says the mission exists, or opened and no end is known
    opened      TEXT,              -- EDTF; when it opened (or the accreditation began), NULL where the source gives no date; a reopening dates the new row, and note says so
    opened_start TEXT, opened_end TEXT, opened_precision TEXT,  -- derived bounds of `opened`
    closed      TEXT,              -- EDTF; when it closed, NULL where it did not or no date is given (see status)
    closed_start TEXT, closed_end TEXT, closed_precision TEXT,  -- derived bounds of `closed`
    as_of       TEXT,              -- EDTF; the time the source describes, where the source dates its own statement (a dated report, "as of 2005"); NULL for an undated statement in the present tense (see above)
    as_of_start TEXT, as_of_end TEXT, as_of_precision TEXT,  -- derived bounds of `as_of`
    note        TEXT,              -- what we read into the source, in our words: an inferred city, a reopening, an unclear rank
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

CREATE INDEX missions_sending ON missions(sending);
CREATE INDEX missions_receiving ON missions(receiving);
-- ===================================================================== UN General Assembly votes

-- The roll calls of the UN General Assembly in which Mongolia voted, the votes cast in them by
-- Mongolia and six other members, and Mongolia's yearly agreement with every member, from the
-- United Nations General Assembly Voting Data of Voeten et al. (source `unvotes_voeten`; the
-- agreement table, computed from it, is source `unga_agreement_mn`). The seeds are written by
-- scripts/import_unga.py from the files of shared/data; edit that script, not the seeds.
--
-- Provenance. These rows are cells of one published dataset, not facts gathered from many
-- documents, so they are not cited through `citations` (tens of thousands of rows citing the same source): each
-- roll call and each agreement row names its source in `source` and where in it in `locator`. A
-- vote is cited by its roll call: it is the cell of that roll call's row in the source's column
-- for `source_country`.
--
-- Seats, not states. The source names the holder of a UN seat by one code over time. Each row is
-- mapped to the polity of ours that held the seat on the roll call's day, and its
-- `source_country` keeps the source's code:
-- * RU ('Russia' in the source) is the USSR (SUN) up to 1991-12-25 and Russia (RUS) from
--   1991-12-26, the day the dated crosswalk (polity_codes) cuts COW/G&W 365;
-- * YU ('Yugoslavia') is Yugoslavia (YUG, which here continues as the Federal Republic of
--   Yugoslavia and Serbia and Montenegro) up to 2006-06-04 and Serbia (SRB) from 2006-06-05;
-- * TW ('Taiwan') is the Republic of China (TWN), which held China's seat until 1971-10-25; the
--   source's CN ('China') is the People's Republic (CHN) and votes only from then on. The votes
--   table holds no votes of the Republic of China (the shared file carries six members besides
--   Mongolia, the ROC not among them); the agreement table has it, to 1971.
-- * every other code is the ISO 3166 alpha-2 code of one polity (polities.iso2): DD the GDR, CS
--   Czechoslovakia, YD South Yemen, DE unified Germany from 1991.
-- Left out: the Byelorussian and Ukrainian SSRs, which had seats of their own from 1945 (source
-- codes BY and UA), are not polities here before 1991, when Belarus (BLR) and Ukraine (UKR)
-- begin; their agreement rows of 1961-1990 (29 years each) are not in the table. The shared
-- unga_agreement.csv has no rows for the Federal Republic of Germany (FRG) nor for North Yemen
-- (YAR), though its comment lines name the FRG; those seats have no agreement rows here.
-- The build refuses a vote or agreement row whose polity did not exist in the year
-- (polities.start_year, end_year) and a roll call without Mongolia's vote.
--
-- Weak points of the source. The data end on 2020-01-14 (2020 has one roll call). Dates are the
-- source's: Mongolia's first votes are dated 1961-10-06, three weeks before its admission on
-- 1961-10-27. The two Koreas vote from 1991-10. An absence is not a vote: a member absent or not
-- yet a member has no row. Years with few roll calls (1993: 37 with a Mongolian vote) make one
-- year's agreement noisy; keep n_votes beside every value.

-- unga_vote_choices: what a member can cast in a roll call (absences are not recorded).
CREATE TABLE unga_vote_choices (
    vote        TEXT PRIMARY KEY,  -- our code, the source's word
    description TEXT NOT NULL      -- meaning
) STRICT;

INSERT INTO unga_vote_choices VALUES
 ('yes', 'Voted in favour'),
 ('no', 'Voted against'),
 ('abstain', 'Abstained (present and voting neither way)');

-- unga_issues: the source's issue codes of roll calls. A roll call has none, one or several;
-- about 30% of Mongolia's roll calls have none (the Korean question of 1961-1975 among them).
CREATE TABLE unga_issues (
    issue       TEXT PRIMARY KEY,  -- the source's code
    description TEXT NOT NULL      -- what roll calls with the code are about
) STRICT;

INSERT INTO unga_issues VALUES
 ('me', 'The Palestinian conflict'),
 ('nu', 'Nuclear weapons and nuclear material'),
 ('di', 'Arms control and disarmament'),
 ('hr', 'Human rights'),
 ('co', 'Colonialism'),
 ('ec', 'Economic development');

-- unga_roll_calls: one row per roll call of the General Assembly in which Mongolia voted yes, no
-- or abstain (5,177 from 1961-10-06 to 2020-01-14).
CREATE TABLE unga_roll_calls (
    rcid        INTEGER PRIMARY KEY,  -- the source's roll-call id (rcid of un_roll_calls)
    session     INTEGER NOT NULL,     -- the General Assembly session (16 = 1961-62)
    date        TEXT NOT NULL CHECK (date(date) IS date),  -- the day of the vote, ISO 8601, as the source gives it
    symbol      TEXT,                 -- the resolution's symbol as the source writes it ('R/16/521' for A/RES/16/521), NULL where the source gives none (amendments, procedural votes)
    important_vote INTEGER CHECK (important_vote IN (0, 1)),  -- 1 when the US State Department listed it as an important vote (source's importantvote), NULL where the source has no flag
    title       TEXT,                 -- the source's short description, as written (upper case), NULL where it gives none
    source      TEXT NOT NULL REFERENCES sources(id),  -- the dataset the row is taken from
    locator     TEXT NOT NULL,        -- where in it: 'rcid N', the key of the source's roll-call, vote and issue tables
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations'  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
) STRICT;

-- unga_roll_call_issues: the source's issue codes of each roll call.
CREATE TABLE unga_roll_call_issues (
    rcid  INTEGER NOT NULL REFERENCES unga_roll_calls(rcid),
    issue TEXT NOT NULL REFERENCES unga_issues(issue),
    PRIMARY KEY (rcid, issue)
) STRICT;

-- unga_votes: the votes cast in each roll call by Mongolia (MNG, every roll call), the DPRK
-- (PRK), the ROK (KOR), the USSR (SUN) or Russia (RUS), the PRC (CHN), the United States (USA)
-- and Japan (JPN), where each voted. Cited by its roll call (see the section's head).
CREATE TABLE unga_votes (
    rcid        INTEGER NOT NULL REFERENCES unga_roll_calls(rcid),
    polity      TEXT NOT NULL REFERENCES polities(code),  -- who voted: our polity holding the seat on the day (see the section's head)
    vote        TEXT NOT NULL REFERENCES unga_vote_choices(vote),
    source_country TEXT NOT NULL,  -- the source's code of the seat (ISO 3166 alpha-2 as it gives it: RU for the USSR and Russia)
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations',  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
    PRIMARY KEY (rcid, polity)
) STRICT;

-- unga_agreement: how alike Mongolia and another member voted in a calendar year, over the roll
-- calls in which both voted yes, no or abstain.
CREATE TABLE unga_agreement (
    polity      TEXT NOT NULL REFERENCES polities(code),  -- the other member: our polity holding the seat (on most of the year's roll calls; see note)
    year        INTEGER NOT NULL,  -- the calendar year of the roll calls
    n_votes     INTEGER NOT NULL CHECK (n_votes > 0),  -- roll calls of the year in which both voted
    identical_share REAL NOT NULL CHECK (identical_share BETWEEN 0 AND 1),  -- share of them where both cast the same vote
    agreement_index REAL NOT NULL CHECK (agreement_index BETWEEN 0 AND 1),  -- mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0 (the index of Lijphart and Voeten): abstaining against a yes counts half
    source_country TEXT NOT NULL,  -- the source's code of the seat (see the section's head)
    source_name TEXT NOT NULL,     -- the source's name of the seat ('Russia' for the USSR's seat too)
    note        TEXT,              -- where the seat changed hands within the year, how many of the year's roll calls the other holder had
    source      TEXT NOT NULL REFERENCES sources(id),  -- the table the row is taken from
    locator     TEXT NOT NULL,     -- where in it: 'country_code XX, year YYYY'
    dataset TEXT NOT NULL DEFAULT 'mongolia-relations',  -- the dataset the row comes from: mongolia-relations, or a researcher's extension (build --extra)
    PRIMARY KEY (polity, year)
) STRICT;

-- ===================================================================== derived

CREATE INDEX events_kind ON events(kind, date_long, date_start);
CREATE INDEX events_date ON events(date_long, date_start, date_end);
CREATE INDEX events_treaty ON events(treaty);
CREATE INDEX event_participants_polity ON event_participants(polity, event);
CREATE INDEX event_participants_person ON event_participants(person, event);
CREATE INDEX event_participants_org ON event_participants(organization, event);
CREATE INDEX event_participants_event ON event_participants(event);
CREATE INDEX citations_record ON citations(record_table, record_id);
CREATE INDEX claims_dispute ON claims(dispute);
CREATE INDEX postings_sending ON postings(sending);
CREATE INDEX postings_receiving ON postings(receiving);
CREATE INDEX memberships_polity ON memberships(polity);
CREATE INDEX observations_polity ON observations(polity, indicator);
CREATE INDEX polity_aliases_alias ON polity_aliases(alias COLLATE NOCASE);
-- Roll calls in the order unga_votes lists them, so that only each roll call's few votes are
-- sorted, in memory, never the whole table.
CREATE INDEX unga_roll_calls_date ON unga_roll_calls(date, rcid);

-- events_fts: full-text index over event summaries, places and notes (FTS5); rowid = events.id.
CREATE VIRTUAL TABLE events_fts USING fts5(summary, place, note, content='events', content_rowid='id');

-- treaty_dates: each treaty with the bounds of its lifecycle events and the rule by which it
-- counts as in force. A treaty is in force on day D when it certainly began by D and had not
-- possibly ended by D: in_force_from <= D < terminated_from (terminated_from NULL: no end).
-- * Start (start_basis): the latest day of the first recorded entry into force ('in_force': a
--   treaty_in_force event); failing that, of the signature ('signed'); failing that, of the
--   first treaty_ratified event ('ratified': instruments approved or exchanged, with no
--   signature recorded). Where a source says that the exchange of instruments brought the
--   treaty into force, the exchange is coded as a treaty_in_force event, so it counts as
--   recorded. No such event: start_basis and in_force_from are NULL and the treaty is never in
--   force (an agreement under negotiation).
-- * End: the earliest possible day of a recorded termination; failing that, the expiry of a
--   stated term (treaties.term_years after the earliest day of the latest start event of the
--   start_basis kind, so a recorded renewal, a later signature of the same treaty, starts the
--   term again); failing that, none.
-- * in_force_basis says which end rule holds: 'recorded' (a recorded termination ends it),
--   'term' (a stated term ends it; annual protocols after one year unless renewed), 'assumed'
--   (neither: it is taken to stay in force from its start, which no source states), NULL when
--   it has no start. The panel counts 'recorded' and 'term' in treaties_in_force and 'assumed'
--   apart in treaties_in_force_assumed.
CREATE VIEW treaty_dates AS
WITH lifecycle AS (
  -- Per treaty and lifecycle kind: the first date as given, the first event's bounds, the latest
  -- start (a renewal) and the place of signature.
  SELECT treaty, kind, min(date) AS first, min(date_start) AS first_start, min(date_end) AS first_end,
         max(date_start) AS last_start, min(place) AS place
  FROM events WHERE treaty IS NOT NULL GROUP BY treaty, kind
), bounds AS (
  SELECT t.id AS treaty, t.term_years, s.first AS signed, s.place AS signed_place, f.first AS in_force,
         r.first AS ratified, x.first AS terminated, x.first_start AS terminated_start,
         CASE WHEN f.treaty IS NOT NULL THEN 'in_force' WHEN s.treaty IS NOT NULL THEN 'signed'
              WHEN r.treaty IS NOT NULL THEN 'ratified' END AS start_basis,
         COALESCE(f.first_end, s.first_end, r.first_end) AS in_force_from,
         COALESCE(f.last_start, s.last_start, r.last_start) AS renewed
  FROM treaties t
  LEFT JOIN lifecycle s ON s.treaty = t.id AND s.kind = 'treaty_signed'
  LEFT JOIN lifecycle f ON f.treaty = t.id AND f.kind = 'treaty_in_force'
  LEFT JOIN lifecycle r ON r.treaty = t.id AND r.kind = 'treaty_ratified'
  LEFT JOIN lifecycle x ON x.treaty = t.id AND x.kind = 'treaty_terminated'
)
SELECT treaty, signed, signed_place, in_force, ratified, terminated, in_force_from, start_basis, expires,
       COALESCE(terminated_start, expires) AS terminated_from,
       CASE WHEN in_force_from IS NULL THEN NULL
            WHEN terminated_start IS NOT NULL THEN 'recorded'
            WHEN expires IS NOT NULL THEN 'term'
            ELSE 'assumed' END AS in_force_basis
FROM (SELECT *, CASE WHEN term_years IS NOT NULL THEN date(renewed, '+' || term_years || ' years') END AS expires FROM bounds);

-- The dyad-year panel (Dataset::dyad_years, CLI `panel`, Python `dyad_years`) is derived from
-- these tables at query time, not stored. Its column-by-column codebook, with what NA and 0 mean
-- for each, is in the README ("Dyad-year panel") and on the fields of `DyadYear` (src/panel.rs).
-- The rules shared by every column: a count counts recorded events or treaties of Mongolia and
-- the partner (events.mongolia_role 'party', or 'host' for meetings_hosted; treaties with both as
-- parties), 0 meaning none recorded, never NA; a state (relations, ambassadors, embassies, UN
-- agreement, indicators) is NA where no source covers the year and false (or a value) only where
-- the sources cover it. Treaties count in treaties_in_force when in_force_basis is 'recorded' or
-- 'term' and in treaties_in_force_assumed when it is 'assumed' (view treaty_dates, above).
