#include "match_figures.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

#include "app_state.hpp"
#include "red_flag_walk.hpp"

namespace nd::app {

std::vector<LocalTime> flag_starts(const std::vector<RedFlag>& flags, const Diary& diary) {
    // A handful of ids looked for, not a map of them all.
    std::unordered_map<std::string_view, const Episode*> by_id;
    for (const RedFlag& r : flags) by_id.emplace(r.episode_id, nullptr);
    if (!by_id.empty())
        for (const Episode& e : diary.episodes)
            if (const auto it = by_id.find(e.id); it != by_id.end()) it->second = &e;
    std::vector<LocalTime> starts;
    starts.reserve(flags.size());
    for (const RedFlag& r : flags) {
        const Episode* e = by_id.at(r.episode_id);
        starts.push_back(e ? e->start : LocalTime{std::numeric_limits<std::int64_t>::min(), 0});
    }
    return starts;
}

namespace {

// The ids of the episodes the evidence lines list first (shown_ids).
void note_shown_ids(MatchFigures& f, const Diary& diary) {
    for (const CauseMatch& c : f.match.causes)
        for (const EvidenceLine& line : c.evidence)
            for (std::size_t i = 0; i < line.episode_indices.size() && i < kEvidenceEpisodesShown; ++i) {
                const std::uint32_t index = line.episode_indices[i];
                if (index < diary.episodes.size()) f.shown_ids.emplace(index, diary.episodes[index].id);
            }
}

}  // namespace

MatchFigures compute_match_figures(const Catalog& catalog, const Diary& diary) {
    MatchFigures f;
    f.match = nd::match(catalog, diary);
    f.flag_starts = flag_starts(f.match.red_flags, diary);
    note_shown_ids(f, diary);
    return f;
}

MatchFigures match_figures_of(MatchResult&& match, const AppState& s) {
    MatchFigures f;
    f.match = std::move(match);
    f.flag_starts.reserve(f.match.red_flags.size());
    for (const RedFlag& r : f.match.red_flags) {
        const std::size_t i = s.episode_index(r.episode_id);
        f.flag_starts.push_back(i < s.diary.episodes.size() ? s.diary.episodes[i].start
                                                            : LocalTime{std::numeric_limits<std::int64_t>::min(), 0});
    }
    note_shown_ids(f, s.diary);
    return f;
}

std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, const MatchFigures* figures) {
    if (!figures) return current_red_flag_groups(s, 0, nullptr, nullptr);
    return current_red_flag_groups(s, figures->revision, &figures->match.red_flags, &figures->flag_starts);
}

std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, std::uint64_t revision,
                                                  const std::vector<RedFlag>* known, const std::vector<LocalTime>* known_starts) {
    return current_red_flag_groups(s, revision, known, known_starts, std::numeric_limits<std::size_t>::max());
}

std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, std::uint64_t revision,
                                                  const std::vector<RedFlag>* known, const std::vector<LocalTime>* known_starts,
                                                  std::size_t max_judged) {
    const bool have = known && known_starts && known_starts->size() == known->size();
    // Where the diary may differ from the one the flags were found in: from the earliest
    // episode change on (INT64_MAX: nowhere; INT64_MIN: anywhere, the whole diary judged now).
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::vector<const DiaryChange*> steps;
    const bool known_steps = have && record_changes_since(s, revision, steps);
    if (known_steps) {
        from = std::numeric_limits<std::int64_t>::max();
        for (const DiaryChange* c : steps)
            if (c->type == RecordType::Episode) from = std::min(from, c->from_utc);
    }
    if (have && from != std::numeric_limits<std::int64_t>::max()) {
        const auto& v = s.diary.episodes;   // in time order
        const auto tail = static_cast<std::size_t>(
            v.end() - std::partition_point(v.begin(), v.end(), [&](const Episode& e) { return e.start.utc < from; }));
        if (tail > max_judged) {
            // Too many to judge in this frame: the changed episodes now, the rest as known.
            std::vector<std::string> changed;
            std::vector<std::pair<const LocalTime*, RedFlag>> now;
            for (const DiaryChange* c : steps) {
                if (c->type != RecordType::Episode) continue;
                changed.push_back(c->id);
                const std::size_t i = s.episode_index(c->id);
                if (i < v.size() && !is_deleted(v[i]))
                    for (RedFlag& f : red_flags_at(s.diary, i)) now.emplace_back(&v[i].start, std::move(f));
            }
            for (std::size_t i = 0; i < known->size(); ++i)
                if (std::find(changed.begin(), changed.end(), (*known)[i].episode_id) == changed.end())
                    now.emplace_back(&(*known_starts)[i], (*known)[i]);
            std::stable_sort(now.begin(), now.end(), [](const auto& a, const auto& b) { return a.first->utc > b.first->utc; });
            std::vector<RedFlag> flags;
            std::vector<const LocalTime*> starts;
            for (auto& [start, f] : now) {
                starts.push_back(start);
                flags.push_back(std::move(f));
            }
            return group_red_flags(flags, starts);
        }
    }
    std::vector<RedFlag> flags;
    std::vector<const LocalTime*> starts;
    if (from != std::numeric_limits<std::int64_t>::max()) {
        // red_flags_from(s.diary, from) as a walk: s.diary is in Diary order, so the walk
        // finds where `from` begins by bisection and reads only the history the rules read
        // (the climbing window; older spreads only for a fast spread), not every episode,
        // and it hands over each flag's episode, so no search for their starts either.
        RedFlagWalk walk(s.diary, from);
        std::vector<std::pair<const Episode*, std::vector<RedFlag>>> judged;   // oldest first
        walk.step(std::numeric_limits<std::size_t>::max(), [&](const Episode& e, std::vector<RedFlag>&& f) {
            if (!f.empty()) judged.emplace_back(&e, std::move(f));
        });
        for (auto it = judged.rbegin(); it != judged.rend(); ++it)   // newest first, as red_flags_from
            for (RedFlag& f : it->second) {
                flags.push_back(std::move(f));
                starts.push_back(&it->first->start);
            }
    }
    if (have)
        for (std::size_t i = 0; i < known->size(); ++i)
            if ((*known_starts)[i].utc < from) {   // older than every change: still current
                flags.push_back((*known)[i]);
                starts.push_back(&(*known_starts)[i]);
            }
    return group_red_flags(flags, starts);
}

const Episode* evidence_episode(const AppState& s, const MatchFigures& figures, std::uint32_t index) {
    const auto it = figures.shown_ids.find(index);
    if (it == figures.shown_ids.end()) return nullptr;
    if (index < s.diary.episodes.size() && s.diary.episodes[index].id == it->second) return &s.diary.episodes[index];
    const std::size_t at = s.episode_index(it->second);   // the diary changed since: by id
    return at < s.diary.episodes.size() ? &s.diary.episodes[at] : nullptr;
}

}  // namespace nd::app
