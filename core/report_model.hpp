// What the doctor's report says, apart from how it is drawn: every section's
// figures, tables and sentences, built from the diary, the matching result, a
// date range and the chosen sections. Portable (no drawing library); the cairo
// renderer (core/report_pdf/) and any other renderer (the web build) draw this.
// Deterministic: no clock inside (the caller passes the generation date).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "matching.hpp"
#include "model.hpp"
#include "paper.hpp"
#include "questionnaire.hpp"

namespace nd {

// Sections a person can choose (bit flags).
enum ReportSection : std::uint32_t {
    kSectionSummary = 1u << 0,        // key facts, period
    kSectionPerWeek = 1u << 1,        // episodes per week chart
    kSectionBodyMap = 1u << 2,        // left/right heat map, extent
    kSectionSensations = 1u << 3,     // sensations, triggers, reliefs with counts
    kSectionSeverity = 1u << 4,       // severity over time
    kSectionRedFlags = 1u << 5,       // red-flag events: always in the report (build_report sets it)
    kSectionBackground = 1u << 6,     // health background and medicines
    kSectionCheckIns = 1u << 7,       // check-in symptom counts
    kSectionTopics = 1u << 8,         // matched causes as topics to discuss
    kSectionEpisodeTable = 1u << 9,   // one row per episode
    kSectionNotes = 1u << 10,         // the person's notes
    kSectionAll = (1u << 11) - 1,
    // The default: page 1 and the short appendices; the full table and the notes
    // are there when asked for (a year prints many pages of them).
    kSectionDefault = kSectionAll & ~(kSectionEpisodeTable | kSectionNotes),
};

struct ReportOptions {
    LocalDate from;                   // first local date included; empty: the first record
    LocalDate to;                     // last local date included; empty: the last record
    std::uint32_t sections = kSectionAll;
    LocalDate generated_on;           // shown on the report; empty: not shown
    Paper paper = Paper::A4;
    // The standard questionnaires (questionnaire.hpp), for the scores on page 1:
    // their titles, score ranges and cut-offs. A response to one not listed here
    // is shown with its score only.
    std::vector<Questionnaire> questionnaires;
};

// Levels of the modified Total Neuropathy Score's sensory extent item.
enum class Extent { None, ToeTips, UpToAnkle, UpToKnee, AboveKnee };
const char* extent_label(Extent e);   // "Toe tips", "Up to the ankle", ...
// The extent level a region stands for (None for regions off the legs).
Extent extent_of(Region r);

struct CountItem {
    std::string id;
    std::string label;
    int count = 0;
};

struct WeekBucket {
    LocalDate week_start;             // a Monday
    int episodes = 0;
    int red_flag_episodes = 0;
};

struct RegionCount {
    Region region = Region::Toes;
    std::string label;
    int left = 0;                     // episodes touching it on the left (left or both sides)
    int right = 0;                    // ... on the right (right or both sides)
    int middle = 0;                   // marked without a side (saddle area, lower back)
};

// Page 1's trend: one point a week (Monday to Sunday) over the period, empty
// weeks included. Medians are of the rated episodes only (unrated is unknown, not 0).
struct TrendPoint {
    LocalDate week_start;             // a Monday
    int episodes = 0;
    std::optional<double> median_numbness;   // unset: no episode rated that week
    std::optional<double> median_pain;
};

struct SeverityPoint {
    LocalDate date;
    std::int64_t local_day = 0;       // days since 1970-01-01 of the local date
    int minute_of_day = 0;
    std::optional<int> numbness;      // unset: not rated
    std::optional<int> pain;
    bool red_flag = false;
};

struct RedFlagEvent {
    LocalDate date;
    std::string time;                 // "08:30"
    std::string title;
    std::string advice;
    std::string reasons;              // joined
    std::string signs;                // the episode's signs and where ("Weakness, saddle area")
    bool call_emergency = false;
    std::string episode_id;
};

struct Topic {
    std::string name;
    std::string fit;                  // the match's wording, e.g. "Fits well"
    bool serious = false;
    std::vector<std::string> evidence_for;
    std::vector<std::string> evidence_against;
    std::vector<std::string> unknowns;
};

struct EpisodeRow {
    std::string id;
    LocalDate date;
    std::string time;                 // "08:30"
    std::string duration;             // "25 min", "2 h 5 min", "still going", "?"
    std::string where;                // "left toes, sole (both sides)"
    std::string extent;               // extent_label of the highest region reached
    std::string feels;                // sensations
    std::optional<int> numbness;      // unset: not rated
    std::optional<int> pain;
    std::string before;               // activities before onset
    std::string eased_by;             // reliefs (+ "after 5 min")
    std::string signs;                // associated signs
    int note_number = 0;              // 1-based index into ReportModel::notes; 0: none
    bool red_flag = false;
};

struct NoteItem {
    int number = 0;
    LocalDate date;
    std::string source;               // "Episode 08:30" or "Check-in"
    std::string text;
};

// One distinct pattern: episodes alike in where, what brought them on and what
// eased them (docs/report.md explains the grouping), with their own figures.
struct PatternLine {
    int episodes = 0;
    std::string where;                // "Both feet: toes, sole"
    std::string brought_on;           // "after sitting with legs crossed" / "nothing noted before"
    std::string eased;                // "eased by moving (typically within 3 min)" / "nothing helped"
    std::string text;                 // the whole line as printed
};

// A cause worth discussing, worded for the doctor who reads the report.
struct CauseLine {
    std::string name;
    std::string fit;                  // the matching's own wording
    bool worth_excluding = false;     // fits little, but serious enough to rule out
    std::string text;                 // "Fits partly. For: ...; against: ..."
};

// The latest score of one standard questionnaire, worded for the doctor, with the
// score before it for the trend (docs/report.md).
struct ScoreLine {
    std::string questionnaire;        // its id, "mnsi_history"
    std::string title;                // "MNSI history"
    LocalDate date;                   // local date it was taken (latest in the period)
    int score = 0;
    int score_max = 0;                // 0: unknown (the questionnaire's file is missing)
    std::string meaning;              // from describe_score: "4 or more: above the lower cut-off ..."
    std::optional<int> previous_score;   // the response before it, whenever it was taken
    LocalDate previous_date;
    std::string text;                 // the whole line as printed
};

struct BackgroundLine {
    std::string label;                // "Diabetes", "Medicine"
    std::string detail;               // "type 2, since 2019-04", "Pregabalin 75 mg, evenings (helped: yes)"
};

struct ReportModel {
    std::uint32_t sections = kSectionAll;
    std::string title = "Numbness and tingling diary";
    std::string person;               // "Name, born 1970-01-02" (empty when unknown)
    Paper paper = Paper::A4;
    // Page 1, in this order (issue #14): who, period and onset; warning signs; the
    // patient's questions; at most five patterns; medicines; questionnaire scores
    // (issue #15); causes worth discussing.
    std::string who;                  // "Zoë Ångström, born 14 Jul 1961 (64 years)"
    std::string health_number;        // the person's health-service number, as given
    std::string onset_text;           // "Began 2 Nov 2025, 4 months before this period"
    std::vector<std::string> questions;
    std::vector<PatternLine> patterns;         // at most five, most episodes first
    std::string patterns_more;                 // "and 4 more episodes in 3 smaller groups"
    std::vector<BackgroundLine> medicines;     // with whether they helped
    std::vector<ScoreLine> scores;             // latest score of each questionnaire (none: no heading)
    std::vector<CauseLine> causes;             // worth discussing, for the doctor
    // Page 1's figures (always built: page 1 is not optional). The body figure: every
    // region marked in the period with its episode counts by side, leg regions top to
    // bottom then the others (only non-zero); the renderer draws the ones on the
    // app's map (front, back, soles) and names the rest. And the weekly trend.
    std::vector<RegionCount> figure;
    int figure_episodes = 0;                   // episodes with at least one region marked
    std::vector<TrendPoint> trend;
    LocalDate from, to;               // the period actually covered (inclusive)
    std::string period_text;          // "1 Mar 2026 to 31 May 2026 (13 weeks)"
    LocalDate generated_on;
    std::vector<std::string> key_facts;   // the one-minute summary, most important first

    int episode_count = 0;
    int days_with_episodes = 0;
    int days_in_period = 0;
    int checkin_days = 0;
    int no_numbness_days = 0;

    std::vector<WeekBucket> per_week;
    std::vector<RegionCount> regions;     // leg regions top to bottom, then others; only non-zero
    Extent highest_extent = Extent::None;
    std::array<int, 5> episodes_by_extent{};   // indexed by Extent
    std::vector<CountItem> sensations;    // by count, highest first
    std::vector<CountItem> triggers;
    std::vector<CountItem> reliefs;
    std::vector<CountItem> signs;
    std::vector<SeverityPoint> severity;  // by time
    double median_numbness = 0;           // of the rated episodes only (unrated is unknown, not 0)
    int max_numbness = 0;
    double median_pain = 0;
    int max_pain = 0;
    int numbness_rated = 0;               // episodes with a numbness rating
    int pain_rated = 0;
    std::vector<RedFlagEvent> red_flags;
    std::vector<BackgroundLine> background;
    std::vector<CountItem> checkin_symptoms;
    std::vector<Topic> topics;
    std::string topics_intro;             // what the topics are (and are not)
    bool too_few_episodes = false;        // below the matching minimum: no topics at all
    std::vector<EpisodeRow> rows;
    std::vector<NoteItem> notes;

    bool has(ReportSection s) const { return (sections & s) != 0; }
};

// The diary restricted to episodes and check-ins whose local date is in
// [from, to] (empty ends are open); background and profile unchanged. Callers
// match this one so the topics speak about the same period as the report.
Diary diary_in_range(const Diary& d, const LocalDate& from, const LocalDate& to);

// Builds the report. `match` should come from match(catalog, diary_in_range(...)).
// Episodes and records in the bin are left out.
ReportModel build_report(const Diary& d, const MatchResult& match, const ReportOptions& options);

// "3 Mar 2026"
std::string format_date_long(const LocalDate& date);
// "3 Mar 2026 to 1 Jun 2026 (13 weeks)" ("... (9 days)" under two weeks).
std::string period_text(const LocalDate& from, const LocalDate& to, int days_in_period);

}  // namespace nd
