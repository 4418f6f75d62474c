// The diary's data model: episodes, health background and daily check-ins.
// Plain structs, no behaviour beyond small helpers; storage, serialization and
// matching live in their own files. Every list-valued field is a std::vector of
// enum values kept sorted and unique (see normalize()), so equal diaries compare
// equal and serialize to identical bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace nd {

// ---- Vocabulary -----------------------------------------------------------

enum class Side : std::uint8_t { Left, Right, Both, Middle };

enum class Region : std::uint8_t {
    Toes, Sole, TopOfFoot, Heel, InnerAnkle, Ankle, Shin, Calf, Knee,
    ThighFront, ThighBack, Hip, Buttock, SaddleArea, LowerBack, WholeLeg,
    Hand, Arm, Face,
    WholeFoot,
};

enum class Sensation : std::uint8_t {
    Numbness, Tingling, Burning, ShootingPain, Pain, Cramping, Weakness,
};

// What the person was doing just before onset (also: what brings it on).
enum class Activity : std::uint8_t {
    CrossedLegs, LongSitting, Kneeling, SittingOnFeet, TightClothing, Walking,
    Standing, LyingDown, Exercise, Injury, Other,
};

// What made it ease.
enum class Relief : std::uint8_t {
    MovingOrChangingPosition, Rest, Stretching, LooseningClothing, Warmth, Medicine, Nothing,
};

// Signs that came with the episode (several are red flags: the rules in red_flags.cpp,
// their sources in docs/clinical.md).
enum class Sign : std::uint8_t {
    LegWeakness, ArmWeakness, FaceDrooping, TroubleSpeaking, Confusion, VisionChange,
    BladderBowelLoss, Unsteadiness,
};

enum class Onset : std::uint8_t { Unknown, Sudden, Gradual };
enum class SpreadSpeed : std::uint8_t { Unknown, Minutes, Hours, Days, Weeks };
enum class TriState : std::uint8_t { Unknown, Yes, No };

// General symptoms of the day, asked in the daily check-in.
enum class GeneralSymptom : std::uint8_t {
    WidespreadPain, MorningStiffness, Exhaustion, IrritableBowel, MemoryOrThinking,
    RestlessLegs, BackPain,
};

// Facts of the health background that matching may use.
enum class FactKind : std::uint8_t {
    Diabetes, AlcoholUse, LowVitaminB, Whiplash, HerniatedDisc, HipDislocation,
    FootAnkleInjury, OtherInjury, BackProblem, KnownGrowth, OtherDiagnosis,
    Smoking, HighBloodPressure, HighCholesterol, HeartDisease,
};

// ---- Records ---------------------------------------------------------------

struct RegionMark {
    Region region = Region::Toes;
    Side side = Side::Both;
    friend bool operator==(const RegionMark&, const RegionMark&) = default;
    friend auto operator<=>(const RegionMark&, const RegionMark&) = default;
};

// A moment as the person lived it: UTC seconds plus their UTC offset then, so a
// day is assigned in local time ("after midnight" lands on the right day).
struct LocalTime {
    std::int64_t utc = 0;          // seconds since 1970-01-01T00:00:00Z
    std::int32_t offset_min = 0;   // UTC offset in minutes at that moment (-840..840)
    friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

struct Episode {
    std::string id;                         // UUID v4, stable across devices
    LocalTime start;
    std::optional<std::int32_t> duration_min; // unset while ongoing or unknown
    bool ongoing = false;                   // "still going"; ended later with a duration
    std::vector<RegionMark> regions;
    std::vector<Sensation> sensations;
    std::optional<int> numbness;            // 0..10; unset: "not rated" (never a silent 0)
    std::optional<int> pain;                // 0..10; unset: "not rated"
    std::vector<Activity> activities;       // before onset
    std::vector<Relief> reliefs;
    std::optional<std::int32_t> relief_after_min; // how soon it eased after the relief
    Onset onset = Onset::Unknown;
    bool spread = false;
    std::optional<Region> spread_from;
    std::optional<Region> spread_to;
    SpreadSpeed spread_speed = SpreadSpeed::Unknown;
    std::vector<Sign> signs;
    TriState worse_at_night = TriState::Unknown;
    int effect_walking = 0;                 // 0 none, 1 a little, 2 a lot, 3 could not
    int effect_sleep = 0;
    int effect_work = 0;
    std::string note;
    std::int64_t created_utc = 0;
    std::int64_t updated_utc = 0;
    std::optional<std::int64_t> deleted_utc; // set: in the bin (undoable)
    friend bool operator==(const Episode&, const Episode&) = default;
};

// A calendar date in the person's local time, "YYYY-MM-DD".
using LocalDate = std::string;

struct CheckIn {
    std::string id;
    LocalDate date;
    std::vector<GeneralSymptom> symptoms;
    bool no_numbness = false;               // "no numbness today"
    std::string note;
    std::int64_t created_utc = 0;
    std::int64_t updated_utc = 0;
    std::optional<std::int64_t> deleted_utc;
    friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

struct BackgroundFact {
    std::string id;
    FactKind kind = FactKind::OtherDiagnosis;
    std::string detail;                     // the person's words
    LocalDate since;                        // may be empty (unknown)
    std::optional<double> amount;           // AlcoholUse: drinks a week
    std::int64_t created_utc = 0;
    std::int64_t updated_utc = 0;
    std::optional<std::int64_t> deleted_utc;
    friend bool operator==(const BackgroundFact&, const BackgroundFact&) = default;
};

struct Medicine {
    std::string id;
    std::string name;
    std::string dose;
    std::string when_taken;                 // free text: "mornings", "since 2025-03"
    LocalDate since;
    TriState helped = TriState::Unknown;
    std::string note;
    std::int64_t created_utc = 0;
    std::int64_t updated_utc = 0;
    std::optional<std::int64_t> deleted_utc;
    friend bool operator==(const Medicine&, const Medicine&) = default;
};

struct Profile {
    std::string name;                       // optional, for the doctor's report
    LocalDate birth_date;                   // optional
    std::int64_t updated_utc = 0;
    // Schema 3 (issue #14), for the doctor's report and the FHIR export:
    // (Default member initializers: the older {name, birth_date, updated_utc} brace
    // initialisations stay warning-free.)
    LocalDate complaint_began{};            // when the numbness / tingling began (optional)
    std::string health_number{};            // health-service number (optional, the person's words)
    std::vector<std::string> questions{};   // "questions for my doctor", one line each
    std::string fhir_patient_id{};          // the FHIR Patient id; travels with backups
    friend bool operator==(const Profile&, const Profile&) = default;
};

// One answer of a standard questionnaire: the item's id and the chosen option's
// code, both as written in the questionnaire's file (assets/questionnaires/).
struct QuestionnaireAnswer {
    std::string item;                       // "1" .. "15"
    std::string answer;                     // "yes", "no"
    friend bool operator==(const QuestionnaireAnswer&, const QuestionnaireAnswer&) = default;
    // Ordered with std::tie, not a defaulted <=>: the web build's libc++ (Emscripten
    // 3.1.6, LLVM 14) has no <=> for std::string, so a defaulted one is deleted there.
    friend bool operator<(const QuestionnaireAnswer& a, const QuestionnaireAnswer& b) {
        return std::tie(a.item, a.answer) < std::tie(b.item, b.answer);
    }
};

// A dated, complete response to a standard questionnaire (docs/questionnaires.md).
// The score is the one computed when it was taken, kept so the history reads the
// same even if a later file changed; answers are kept in the questionnaire's order.
struct QuestionnaireResponse {
    std::string id;
    std::string questionnaire;              // the questionnaire's id, "mnsi_history"
    std::string version;                    // the questionnaire file's version, "1"
    LocalTime taken;
    std::vector<QuestionnaireAnswer> answers;
    int score = 0;
    std::int64_t created_utc = 0;
    std::int64_t updated_utc = 0;
    std::optional<std::int64_t> deleted_utc;
    friend bool operator==(const QuestionnaireResponse&, const QuestionnaireResponse&) = default;
};

// What stays of a record erased for good: enough for merges to honour the delete.
struct Tombstone {
    std::string id;
    std::string kind;                       // "episode", "checkin", "fact", "medicine", "questionnaire_response"
    std::int64_t deleted_utc = 0;
    friend bool operator==(const Tombstone&, const Tombstone&) = default;
};

// The whole diary, as backed up, imported and matched.
struct Diary {
    Profile profile;
    std::vector<Episode> episodes;          // ordered by start.utc, then id
    std::vector<CheckIn> checkins;          // ordered by date, then id
    std::vector<BackgroundFact> facts;      // ordered by id
    std::vector<Medicine> medicines;        // ordered by id
    std::vector<Tombstone> tombstones;      // ordered by id
    std::vector<QuestionnaireResponse> questionnaire_responses;  // ordered by taken.utc, then id
    friend bool operator==(const Diary&, const Diary&) = default;
};

// Sorts and de-duplicates every list-valued field of an episode / check-in.
void normalize(Episode& e);
void normalize(CheckIn& c);
// The order of Diary::episodes: by start (UTC), then by id.
bool episode_less(const Episode& a, const Episode& b);
// Puts a diary's records in their canonical order (see Diary).
void normalize(Diary& d);
// True when normalize(d) would change nothing (a linear look; lets a writer skip its copy).
bool is_normalized(const Diary& d);
// `d` in canonical order: `d` itself when it is already (every diary from the store
// or a reader), else a normalized copy kept in `copy`. Writers read through it.
const Diary& normalized_view(const Diary& d, Diary& copy);

// Height up the leg (0 toes .. 6 hip, buttock, whole leg); -1 for regions off the
// leg. Red flags (climbing, reaching further) and matching (extent) share it.
int leg_height(Region r);

// True when the episode is in the bin.
inline bool is_deleted(const Episode& e) { return e.deleted_utc.has_value(); }

template <class E, class V>
bool contains(const std::vector<E>& v, const V& x) {
    for (const auto& e : v)
        if (e == x) return true;
    return false;
}

}  // namespace nd
