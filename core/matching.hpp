// Explainable matching of every cause in the catalog against the diary, and the
// red-flag checks. Deterministic: the same diary and catalog give the same result.
// It informs; it never diagnoses (see disclaimer()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "model.hpp"
#include "red_flags.hpp"

namespace nd {

enum class Fit { CannotTell, FitsLittle, FitsPartly, FitsWell };
const char* fit_label(Fit f);   // "The diary cannot tell yet", "Fits little", ...

struct EvidenceLine {
    bool supports = true;                     // for (true) or against (false)
    std::string text;                         // "7 of 9 episodes began after sitting with legs crossed"
    // Episodes it rests on, in time order: indices into the `episodes` of the Diary that was
    // matched (valid as long as that diary is not changed; episode_id() resolves one).
    std::vector<std::uint32_t> episode_indices;
    std::vector<std::string> fact_ids;        // background facts / check-ins it rests on
    double weight = 0;
};

struct CauseMatch {
    std::string cause_id;
    std::string name;
    double score = 0;                         // higher fits better; for ranking only
    Fit fit = Fit::CannotTell;
    std::string fit_text;                     // worded for people; serious causes never "ruled out"
    std::vector<EvidenceLine> evidence;
    std::vector<std::string> unknowns;        // "No episode records whether rest relieved it"
    bool serious = false;
};

struct MatchResult {
    std::vector<RedFlag> red_flags;           // never hidden behind a score (red_flags_in())
    std::vector<FamiliarSpread> familiar_spreads;   // fast spreads already logged: patterns, not alarms
    std::vector<CauseMatch> causes;           // ranked, best fit first
    int episodes_considered = 0;
    int minimum_episodes = 0;                 // below this, no claims are made
};

// Matches every cause; deleted episodes and records are ignored.
MatchResult match(const Catalog& catalog, const Diary& diary);

// match() in slices, for where there is no worker thread (the web build matches a
// slice per frame, so no frame waits for the whole diary): the live episodes gathered
// in order, the red flags, the facts of every episode, the causes, then the ranking. The result is
// match()'s, which is this run in one step. `catalog` and `diary` must neither change
// nor move until take(); after a change of the diary, start a new MatchSteps.
class MatchSteps {
public:
    MatchSteps(const Catalog& catalog, const Diary& diary);
    ~MatchSteps();
    MatchSteps(const MatchSteps&) = delete;
    MatchSteps& operator=(const MatchSteps&) = delete;
    // Does at most `budget` units of work, and at least one, within one stage (the
    // gathering, the red flags, the facts, the causes): a unit is an episode gathered,
    // judged or described, and a cause costs one per live episode (it reads each once). True once the match is
    // complete; then take() it.
    bool step(std::size_t budget);
    bool done() const;
    std::size_t work_done() const;   // units so far (a caller sums the steps of a frame)
    MatchResult take();   // once done

private:
    struct State;
    std::unique_ptr<State> st_;
};
// The id of the episode at an evidence index of `diary` (the one that was matched);
// nullptr when the index is out of range (a result kept past a change of the diary).
const std::string* episode_id(const Diary& diary, std::uint32_t index);
// Every episode id of an evidence line, resolved through the matched diary.
std::vector<std::string> episode_ids(const EvidenceLine& line, const Diary& diary);
// "This shows patterns to discuss with a doctor. It is not a diagnosis. ..."
const char* disclaimer();

}  // namespace nd
