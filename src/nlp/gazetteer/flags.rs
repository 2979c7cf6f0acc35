//! Word flag bits of [`super::Gazetteers::word_flags`]. A file of its own
//! because the build script (`build/main.rs`) compiles it too.

/// The word is a given name (any culture).
pub const FIRST_NAME: u32 = 1 << 0;
/// The word is a given name mostly borne by men.
pub const FIRST_NAME_MALE: u32 = 1 << 1;
/// The word is a given name mostly borne by women.
pub const FIRST_NAME_FEMALE: u32 = 1 << 2;
/// The word is a frequent (US census) surname.
pub const SURNAME: u32 = 1 << 3;
/// The word starts a person title ("President", "Secretary", "Dr.").
pub const TITLE: u32 = 1 << 4;
/// The word ends organization names ("Council", "Inc.", "FC").
pub const ORG_SUFFIX: u32 = 1 << 5;
/// The word starts organization names before "of"/"for" ("Ministry", "Center").
pub const ORG_PREFIX: u32 = 1 << 6;
/// The word alone is a known place (country, city, region...).
pub const PLACE: u32 = 1 << 7;
/// The word alone is a known organization ("Reuters", "NATO").
pub const ORG: u32 = 1 << 8;
/// The word is a nationality or demonym ("Russian"); never an entity.
pub const DEMONYM: u32 = 1 << 9;
/// The word (in lower case) is a frequent English dictionary word.
pub const COMMON: u32 = 1 << 10;
/// The word is never an entity alone (months, "Advertisement", "Photo").
pub const NON_ENTITY: u32 = 1 << 11;
/// The word starts a multi-token place, organization or title entry.
pub const PHRASE_START: u32 = 1 << 12;
/// The word alone is a country (or a short form of one: "US").
pub const COUNTRY: u32 = 1 << 13;
/// The word alone is a city.
pub const CITY: u32 = 1 << 14;
/// The word alone is a state, province or similar subdivision.
pub const SUBDIVISION: u32 = 1 << 15;
/// The word alone is a continent, region or landmark.
pub const REGION: u32 = 1 << 16;
/// The word ends place names ("... Province", "... Sea").
pub const PLACE_SUFFIX: u32 = 1 << 17;
/// The word starts place names ("Lake ...", "Mount ...", "Gulf of ...").
pub const PLACE_PREFIX: u32 = 1 << 18;
