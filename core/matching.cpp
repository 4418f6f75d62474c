// Scores every catalog cause against the diary and words the result. The feature
// semantics are in match_features.cpp, the red flags in red_flags.cpp.
#include "matching.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>

#include "match_features.hpp"
#include "matching_thresholds.hpp"
#include "red_flag_walk.hpp"

namespace nd {

namespace {

const MatchThresholds& kT = kMatchThresholds;

Fit fit_from(double score) {
    if (score >= kT.fits_well) return Fit::FitsWell;
    if (score >= kT.fits_partly) return Fit::FitsPartly;
    return Fit::FitsLittle;
}

std::string episodes_word(int n) { return std::to_string(n) + (n == 1 ? " episode" : " episodes"); }

std::string fit_wording(const Cause& cause, Fit fit, int episodes) {
    switch (fit) {
        case Fit::CannotTell:
            return "The diary cannot tell yet: it needs at least " + episodes_word(kT.minimum_episodes) +
                   " (it has " + std::to_string(episodes) + ").";
        case Fit::FitsWell:
            return cause.serious ? "Much of the diary fits this pattern. Please discuss it with a doctor soon."
                                 : "Much of the diary fits this pattern. Worth discussing with a doctor.";
        case Fit::FitsPartly:
            return cause.serious ? "Some of the diary fits this pattern. Please discuss it with a doctor."
                                 : "Some of the diary fits this pattern.";
        case Fit::FitsLittle:
            return cause.serious ? "The diary does not point to it so far."
                                 : "Little in the diary fits this pattern.";
    }
    return {};
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

CauseMatch match_cause(const Cause& cause, const detail::MatchContext& ctx, bool too_little) {
    CauseMatch m;
    m.cause_id = cause.id;
    m.name = cause.name;
    m.serious = cause.serious;

    double positive = 0, sum = 0;
    std::vector<EvidenceLine> against;
    std::set<std::string> seen_unknowns;
    std::set<std::string> supporting_features;   // different features with evidence for it
    bool episode_support = false;                // some of it rests on episodes
    std::vector<std::string> supporting_says;    // to keep "what would change that" consistent
    for (const Rule& rule : cause.rules) {
        if (rule.weight > 0) positive += rule.weight;
        auto out = detail::evaluate(rule, ctx);
        for (auto& u : out.unknowns)
            if (!seen_unknowns.contains(u)) {
                seen_unknowns.insert(u);
                m.unknowns.push_back(std::move(u));
            }
        if (!out.applicable || out.fraction <= 0) continue;
        EvidenceLine line;
        line.supports = rule.weight > 0;
        line.text = std::move(out.text);
        line.episode_indices = std::move(out.episodes);
        line.fact_ids = std::move(out.fact_ids);
        line.weight = rule.weight * out.fraction;
        sum += line.weight;
        if (line.supports) {
            supporting_features.insert(rule.feature);
            episode_support = episode_support || out.from_episodes;
            supporting_says.push_back(lower(rule.says));
        }
        if (too_little) {
            // Nothing is claimed from too few episodes: only the background is mentioned, as such.
            if (out.detail.empty() || !line.supports) continue;
            line.text = "Your background mentions " + out.detail;
            line.episode_indices.clear();
        }
        (line.supports ? m.evidence : against).push_back(std::move(line));
    }
    // Strongest first; rule order breaks ties (stable sort), so the result is deterministic.
    auto by_weight = [](const EvidenceLine& a, const EvidenceLine& b) {
        return std::abs(a.weight) > std::abs(b.weight);
    };
    std::stable_sort(m.evidence.begin(), m.evidence.end(), by_weight);
    std::stable_sort(against.begin(), against.end(), by_weight);
    m.evidence.insert(m.evidence.end(), against.begin(), against.end());

    m.score = positive > 0 ? sum / positive : 0;
    if (too_little) {
        m.fit = Fit::CannotTell;
    } else {
        m.fit = fit_from(m.score);
        // Honest thresholds (matching_thresholds.hpp): "fits well" needs evidence from several
        // features, some from episodes; anything at all needs some from episodes.
        if (m.fit == Fit::FitsWell &&
            (static_cast<int>(supporting_features.size()) < kT.fits_well_features || !episode_support))
            m.fit = Fit::FitsPartly;
        if (m.fit == Fit::FitsPartly && !episode_support) m.fit = Fit::FitsLittle;
    }
    m.fit_text = fit_wording(cause, m.fit, static_cast<int>(ctx.episodes.size()));
    if (cause.serious && (m.fit == Fit::FitsLittle || m.fit == Fit::CannotTell))
        for (const auto& what : cause.log_next) {
            // Not "what would change that: whether it came on suddenly" under "came on suddenly".
            const std::string w = lower(what);
            bool shown = false;
            for (const auto& says : supporting_says) shown = shown || w.find(says) != std::string::npos;
            if (shown) continue;
            const auto u = "What would change that: " + what;
            if (seen_unknowns.insert(u).second) m.unknowns.push_back(u);
        }
    if (too_little)
        m.unknowns.insert(m.unknowns.begin(), "Log at least " + episodes_word(kT.minimum_episodes) +
                                                  " before the diary can show a pattern");
    return m;
}

}  // namespace

const char* fit_label(Fit f) {
    switch (f) {
        case Fit::CannotTell: return "The diary cannot tell yet";
        case Fit::FitsLittle: return "Fits little";
        case Fit::FitsPartly: return "Fits partly";
        case Fit::FitsWell: return "Fits well";
    }
    return "";
}

struct MatchSteps::State {
    State(const Catalog& c, const Diary& d) : catalog(c), diary(d) {}
    const Catalog& catalog;
    const Diary& diary;
    // First the live episodes in order, gathered a slice at a time (each a visit to an
    // episode far from the last in memory: at 100k, one pass costs milliseconds).
    std::vector<const Episode*> order;
    std::size_t gathered = 0;
    bool in_order = true;
    std::optional<RedFlagScan> flags;
    std::optional<detail::ContextSteps> context;
    std::optional<detail::MatchContext> ctx;   // once every episode has its facts
    std::size_t next_cause = 0;
    bool ranked = false;
    std::size_t work = 0;   // units done
    MatchResult result;
};

MatchSteps::MatchSteps(const Catalog& catalog, const Diary& diary)
    : st_(std::make_unique<State>(catalog, diary)) {}

MatchSteps::~MatchSteps() = default;

bool MatchSteps::done() const { return st_->ranked; }

std::size_t MatchSteps::work_done() const { return st_->work; }

bool MatchSteps::step(std::size_t budget) {
    State& s = *st_;
    budget = std::max<std::size_t>(budget, 1);
    if (!s.flags) {
        const auto& v = s.diary.episodes;
        if (s.order.capacity() < v.size()) s.order.reserve(v.size());
        const std::size_t first = s.gathered, end = std::min(v.size(), s.gathered + budget);
        for (; s.gathered < end; ++s.gathered) {
            const Episode& e = v[s.gathered];
            if (e.deleted_utc) continue;
            if (!s.order.empty() && !episode_less(*s.order.back(), e)) s.in_order = false;
            s.order.push_back(&e);
        }
        s.work += end - first;
        if (s.gathered < v.size()) return false;
        // A diary from the Store is in order already; any other is sorted (match() of a
        // diary in any order says the same).
        if (!s.in_order)
            std::sort(s.order.begin(), s.order.end(),
                      [](const Episode* a, const Episode* b) { return episode_less(*a, *b); });
        s.flags.emplace(s.order);
        return false;
    }
    // Red flags first and apart: newest episode first, never hidden behind a score.
    if (!s.flags->done()) {
        s.work += std::min(budget, s.flags->remaining());
        if (!s.flags->step(budget)) return false;
        s.flags->take(s.result.red_flags, s.result.familiar_spreads);
        return false;
    }
    if (!s.ctx) {
        if (!s.context) s.context.emplace(s.diary, std::move(s.order));
        s.work += std::min(budget, s.context->remaining());
        if (!s.context->step(budget)) return false;
        s.ctx = s.context->take();
        s.result.episodes_considered = static_cast<int>(s.ctx->episodes.size());
        s.result.minimum_episodes = kMatchThresholds.minimum_episodes;
        return false;
    }
    // Below the minimum, nothing is claimed, whatever the background holds.
    const bool too_little = s.result.episodes_considered < kMatchThresholds.minimum_episodes;
    const auto& causes = s.catalog.causes;
    // A cause reads every episode (once per rule, a few bit tests each): at least one
    // cause a step, and more while they fit in the budget.
    const std::size_t cause_cost = std::max<std::size_t>(1, s.ctx->episodes.size());
    std::size_t spent = 0;
    while (s.next_cause < causes.size() && (spent == 0 || spent + cause_cost <= budget)) {
        s.result.causes.push_back(match_cause(causes[s.next_cause++], *s.ctx, too_little));
        spent += cause_cost;
    }
    s.work += spent;
    if (s.next_cause < causes.size()) return false;
    // Best score first; scores from 0 to under the rank floor count as equal and keep catalog
    // order (stable sort); evidence against (below 0) ranks lower still. Deterministic.
    const auto ranked = [](double score) {
        return score >= kMatchThresholds.rank_floor || score < 0 ? score : 0.0;
    };
    std::stable_sort(s.result.causes.begin(), s.result.causes.end(), [&](const CauseMatch& a, const CauseMatch& b) {
        return ranked(a.score) > ranked(b.score);
    });
    s.ranked = true;
    return true;
}

MatchResult MatchSteps::take() { return std::move(st_->result); }

MatchResult match(const Catalog& catalog, const Diary& diary) {
    MatchSteps steps(catalog, diary);
    while (!steps.step(static_cast<std::size_t>(-1))) {
    }
    return steps.take();
}

const std::string* episode_id(const Diary& diary, std::uint32_t index) {
    return index < diary.episodes.size() ? &diary.episodes[index].id : nullptr;
}

std::vector<std::string> episode_ids(const EvidenceLine& line, const Diary& diary) {
    std::vector<std::string> ids;
    ids.reserve(line.episode_indices.size());
    for (const std::uint32_t i : line.episode_indices)
        if (const std::string* id = episode_id(diary, i)) ids.push_back(*id);
    return ids;
}

const char* disclaimer() {
    return "This shows patterns in your diary to discuss with a doctor. It is not a diagnosis, and a cause "
           "that does not show here can still be present. In an emergency, or with sudden numbness and a "
           "drooping face, a weak arm or trouble speaking, call emergency services at once.";
}

}  // namespace nd
