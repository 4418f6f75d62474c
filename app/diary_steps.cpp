#include "diary_steps.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "app_state.hpp"
#include "enum_names.hpp"
#include "patterns_page_state.hpp"
#include "time_util.hpp"

namespace nd::app {

namespace {

// The order build_report lists places in (core/report_model.cpp, kLegOrder and
// kOtherOrder): every leg place, then the others only when counted.
constexpr Region kLegOrder[] = {
    Region::LowerBack, Region::Buttock, Region::Hip, Region::SaddleArea, Region::ThighFront, Region::ThighBack,
    Region::Knee, Region::Shin, Region::Calf, Region::Ankle, Region::InnerAnkle, Region::Heel, Region::TopOfFoot,
    Region::Sole, Region::Toes, Region::WholeFoot, Region::WholeLeg,
};
constexpr Region kOtherOrder[] = {Region::Hand, Region::Arm, Region::Face};

std::int64_t monday_of(std::int64_t day) { return day - ((day % 7) + 7 + 3) % 7; }

template <class E>
std::uint64_t bits_of(const std::vector<E>& values) {
    std::uint64_t b = 0;
    for (E v : values)
        if (static_cast<unsigned>(v) < 64) b |= 1ull << static_cast<unsigned>(v);
    return b;
}

// Counts highest first then in the vocabulary's order, zeros left out (report_model.cpp's count_values).
template <class E>
std::vector<CountItem> count_items(const std::array<int, 64>& counts) {
    std::vector<CountItem> out;
    for (const auto& entry : enum_entries<E>()) {
        const auto v = static_cast<unsigned>(entry.value);
        if (v < 64 && counts[v] > 0) out.push_back({entry.id, entry.label, counts[v]});
    }
    std::stable_sort(out.begin(), out.end(), [](const CountItem& a, const CountItem& b) { return a.count > b.count; });
    return out;
}

// The median of the rated values (each value with how many had it), as report_model.cpp's median().
double median_of(const std::map<int, int>& counts, int n, int& max) {
    max = 0;
    if (n == 0) return 0;
    for (const auto& [v, c] : counts) max = std::max(max, v);
    auto nth = [&](int k) {   // 0-based, in sorted order
        for (const auto& [v, c] : counts) {
            if (k < c) return v;
            k -= c;
        }
        return 0;
    };
    return n % 2 ? nth(n / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2.0;
}

void bump(std::map<int, int>& counts, int v, int sign) {
    if ((counts[v] += sign) == 0) counts.erase(v);
}

std::string hh_mm(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

}  // namespace

EpisodeGist gist_of(const Episode& e) {
    EpisodeGist g;
    g.start = e.start;
    g.day = local_day_number(e.start);
    g.minute = local_minute_of_day(e.start);
    g.numbness = e.numbness ? static_cast<std::int16_t>(*e.numbness) : EpisodeGist::kNotRated;
    g.pain = e.pain ? static_cast<std::int16_t>(*e.pain) : EpisodeGist::kNotRated;
    for (const RegionMark& m : e.regions) {
        const auto r = static_cast<unsigned>(m.region);
        if (r >= 32) continue;
        if (m.side == Side::Left || m.side == Side::Both) g.left |= 1u << r;
        if (m.side == Side::Right || m.side == Side::Both) g.right |= 1u << r;
        if (m.side == Side::Middle) g.middle |= 1u << r;
    }
    g.sensations = bits_of(e.sensations);
    g.activities = bits_of(e.activities);
    return g;
}

PeriodTally::PeriodTally(PatternPeriod period, const LocalDate& today) : period_(period), today_(today) {
    // As compute_pattern_stats: the period's first day from its length, ending today.
    const auto t = days_since_epoch(today);
    const int days = period == PatternPeriod::Days30 ? 30 : period == PatternPeriod::Days90 ? 90
                     : period == PatternPeriod::Year ? 365 : 0;
    if (days && t) {
        from_ = date_from_days(*t - days + 1);
        from_day_ = *t - days + 1;
    }
    to_day_ = t.value_or(std::numeric_limits<std::int64_t>::max());
}

void PeriodTally::add(const EpisodeGist& g, int sign) {
    episodes_ += sign;
    if ((days_[g.day] += sign) == 0) days_.erase(g.day);
    Week& w = week_at(monday_of(g.day));
    w.episodes += sign;
    if (g.numbness != EpisodeGist::kNotRated) w.numb_sum += sign * g.numbness, w.numb_n += sign, bump(numbness_, g.numbness, sign);
    if (g.pain != EpisodeGist::kNotRated) w.pain_sum += sign * g.pain, w.pain_n += sign, bump(pain_, g.pain, sign);
    hours_[static_cast<std::size_t>(std::clamp(g.minute / 60, 0, 23))] += sign;
    for (unsigned r = 0; r < 32; ++r) {
        if (g.left >> r & 1) regions_[r][0] += sign;
        if (g.right >> r & 1) regions_[r][1] += sign;
        if (g.middle >> r & 1) regions_[r][2] += sign;
    }
    for (unsigned v = 0; v < 64; ++v) {
        if (g.sensations >> v & 1) sensations_[v] += sign;
        if (g.activities >> v & 1) activities_[v] += sign;
    }
}

PeriodTally::Week& PeriodTally::week_at(std::int64_t monday) {
    if (weeks_.empty()) weeks_first_ = monday;
    if (monday < weeks_first_) {   // before the first week counted: room in front (rare: counting goes oldest first)
        weeks_.insert(weeks_.begin(), static_cast<std::size_t>((weeks_first_ - monday) / 7), Week{});
        weeks_first_ = monday;
    }
    const auto i = static_cast<std::size_t>((monday - weeks_first_) / 7);
    if (i >= weeks_.size()) weeks_.resize(i + 1);
    return weeks_[i];
}

PatternStats PeriodTally::figures(const std::vector<RedFlag>& flags, const std::vector<LocalTime>& starts,
                                  const std::vector<CheckIn>& checkins) const {
    PatternStats st;
    st.period = period_;
    st.today = today_;
    ReportModel& r = st.report;
    r.sections = kSectionPerWeek | kSectionBodyMap | kSectionSensations | kSectionSeverity | kSectionRedFlags;
    // The period (report_model.cpp's build_period): "All" begins at the first episode or
    // check-in up to today.
    r.from = from_;
    r.to = today_;
    if (from_.empty()) {
        if (!days_.empty()) r.from = date_from_days(days_.begin()->first);
        // The check-ins are in Diary order (by date), so the first live one is the earliest
        // (16k of them at 100k: a walk over them all cost this frame 0.1-0.2 ms).
        const auto first = std::find_if(checkins.begin(), checkins.end(), [](const CheckIn& c) { return !c.deleted_utc; });
        if (first != checkins.end() && first->date <= today_ && (r.from.empty() || first->date < r.from)) r.from = first->date;
    }
    const auto from_day = days_since_epoch(r.from), to_day = days_since_epoch(r.to);
    const bool span = from_day && to_day && *to_day >= *from_day;
    if (span) {
        r.days_in_period = static_cast<int>(*to_day - *from_day + 1);
        r.period_text = period_text(r.from, r.to, r.days_in_period);
    } else {
        r.period_text = "No entries yet";
    }
    r.episode_count = episodes_;
    r.days_with_episodes = static_cast<int>(days_.size());

    // The red flags of the period's episodes, oldest first (build_red_flags; the flags
    // come newest first, so equal times keep that order as its stable sort does).
    std::map<std::int64_t, int> flagged_in_week;
    {
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < flags.size() && i < starts.size(); ++i) {
            const std::int64_t day = local_day_number(starts[i]);
            if (day < from_day_ || day > to_day_) continue;
            const RedFlag& f = flags[i];
            RedFlagEvent ev;
            ev.date = local_date(starts[i]);
            ev.time = hh_mm(local_minute_of_day(starts[i]));
            ev.title = f.title;
            ev.advice = f.advice;
            for (const auto& reason : f.reasons) ev.reasons += (ev.reasons.empty() ? "" : "; ") + reason;
            ev.call_emergency = f.call_emergency;
            ev.episode_id = f.episode_id;
            r.red_flags.push_back(std::move(ev));
            // One episode's flags come together: count the episode once in its week.
            if (seen.empty() || seen.back() != f.episode_id) {
                seen.push_back(f.episode_id);
                ++flagged_in_week[monday_of(day)];
            }
        }
        std::stable_sort(r.red_flags.begin(), r.red_flags.end(), [](const RedFlagEvent& a, const RedFlagEvent& b) {
            return a.date != b.date ? a.date < b.date : a.time < b.time;
        });
    }

    // Weeks, empty ones included (build_per_week), with their average ratings.
    if (span) {
        // One walk along the weeks and the counted ones together ("All" at 100k is about
        // 4,800 weeks), with the Mondays' dates formatted once per tally, not per change.
        const std::int64_t first = monday_of(*from_day), last = monday_of(*to_day);
        const auto n = static_cast<std::size_t>((last - first) / 7 + 1);
        if (week_names_first_ != first || week_names_.size() < n) {
            if (week_names_first_ != first) week_names_.clear();
            week_names_first_ = first;
            for (std::size_t i = week_names_.size(); i < n; ++i) week_names_.push_back(date_from_days(first + 7 * static_cast<std::int64_t>(i)));
        }
        r.per_week.resize(n);
        st.week_numbness.assign(n, -1);
        st.week_pain.assign(n, -1);
        for (std::size_t i = 0; i < n; ++i) r.per_week[i].week_start = week_names_[i];
        // The counted weeks that fall in [first, last] (weeks_ may begin before or end after).
        const std::int64_t counted_end = weeks_first_ + 7 * static_cast<std::int64_t>(weeks_.size());
        for (std::int64_t monday = std::max(first, weeks_first_); monday <= last && monday < counted_end; monday += 7) {
            const Week& w = weeks_[static_cast<std::size_t>((monday - weeks_first_) / 7)];
            const auto i = static_cast<std::size_t>((monday - first) / 7);
            r.per_week[i].episodes = w.episodes;
            // compute_pattern_stats leaves the averages out before 1970 (its first Monday < 0).
            if (first < 0) continue;
            if (w.numb_n) st.week_numbness[i] = static_cast<double>(w.numb_sum) / w.numb_n;
            if (w.pain_n) st.week_pain[i] = static_cast<double>(w.pain_sum) / w.pain_n;
        }
        for (auto it = flagged_in_week.lower_bound(first); it != flagged_in_week.end() && it->first <= last; ++it)
            r.per_week[static_cast<std::size_t>((it->first - first) / 7)].red_flag_episodes = it->second;
    }

    // Places by side (build_body_map).
    auto place = [&](Region reg, bool always) {
        const auto& c = regions_[static_cast<std::size_t>(reg)];
        if (!always && c[0] + c[1] + c[2] == 0) return;
        RegionCount rc;
        rc.region = reg;
        rc.label = enum_label(reg);
        rc.left = c[0];
        rc.right = c[1];
        rc.middle = c[2];
        r.regions.push_back(std::move(rc));
    };
    for (Region reg : kLegOrder) place(reg, true);
    for (Region reg : kOtherOrder) place(reg, false);

    r.sensations = count_items<Sensation>(sensations_);
    r.triggers = count_items<Activity>(activities_);

    // Ratings (build_severity): of the rated episodes only.
    for (const auto& [v, c] : numbness_) r.numbness_rated += c;
    for (const auto& [v, c] : pain_) r.pain_rated += c;
    r.median_numbness = median_of(numbness_, r.numbness_rated, r.max_numbness);
    r.median_pain = median_of(pain_, r.pain_rated, r.max_pain);

    st.hours = hours_;
    for (std::size_t h = 0; h < 24; ++h) st.bands[h / 6] += hours_[h];
    return st;
}

void DiarySteps::want_patterns(PatternPeriod period, const LocalDate& today) { ask_ = std::make_pair(period, today); }

void DiarySteps::start_over(const AppState& s) {
    gists_.clear();
    gists_.reserve(s.diary.episodes.size());
    gists_ready_ = false;
    gists_next_ = 0;
    flags_.clear();
    walk_.reset();
    walk_from_ = std::numeric_limits<std::int64_t>::min();
    tally_.reset();
    tally_ready_ = false;
    revision_ = s.revision;
    ++full_passes_;
}

void DiarySteps::take_changes(const AppState& s) {
    std::vector<const DiaryChange*> steps;
    if (!gists_ready_ || revision_ == ~0ull || !record_changes_since(s, revision_, steps)) {
        start_over(s);
        return;
    }
    walk_.reset();   // s.diary moved on: a walk under way starts again, from the earliest change
    if (!tally_ready_) tally_.reset();   // counts half made: made again
    const auto& v = s.diary.episodes;
    for (const DiaryChange* c : steps) {
        if (c->type != RecordType::Episode) continue;   // check-ins: read when the figures are made
        const auto it = gists_.find(c->id);
        const std::size_t i = s.episode_index(c->id);
        const Episode* now = i < v.size() && !is_deleted(v[i]) ? &v[i] : nullptr;
        std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
        if (it != gists_.end()) {   // out of the counts as it was
            const EpisodeGist& old = it->second;
            if (tally_ && tally_->in_period(old)) tally_->add(old, -1);
            flags_.erase({old.start.utc, c->id});
            earliest = old.start.utc;
        }
        if (now) {
            const EpisodeGist g = gist_of(*now);
            if (tally_ && tally_->in_period(g)) tally_->add(g, +1);
            earliest = std::min(earliest, g.start.utc);
            gists_.insert_or_assign(c->id, g);
        } else if (it != gists_.end()) {
            gists_.erase(it);
        }
        // No flag of an episode before both its places can change.
        if (earliest != std::numeric_limits<std::int64_t>::max())
            walk_from_ = std::min(walk_from_.value_or(earliest), earliest);
    }
    revision_ = s.revision;
}

bool DiarySteps::step(const AppState& s, std::size_t budget) {
    bool worked = false;
    if (revision_ != s.revision) {
        take_changes(s);
        worked = true;
    }
    const auto& v = s.diary.episodes;
    std::size_t left = std::max<std::size_t>(budget, 1);
    // 1. Every live episode's gist (what a later change takes back out of the counts).
    if (!gists_ready_) {
        for (; left > 0 && gists_next_ < v.size(); --left, ++gists_next_)
            if (!is_deleted(v[gists_next_])) gists_.insert_or_assign(v[gists_next_].id, gist_of(v[gists_next_]));
        gists_ready_ = gists_next_ >= v.size();
        worked = true;
    }
    // 2. The red flags from the earliest change on.
    if (left > 0 && gists_ready_ && walk_from_) {
        if (!walk_) walk_ = std::make_unique<RedFlagWalk>(s.diary, *walk_from_);
        const std::size_t before = walk_->remaining();
        const bool done = walk_->step(left, [&](const Episode& e, std::vector<RedFlag>&& f) {
            if (f.empty()) flags_.erase({e.start.utc, e.id});
            else flags_.insert_or_assign({e.start.utc, e.id}, std::make_pair(e.start, std::move(f)));
        });
        left -= std::min(left, before - walk_->remaining());
        if (done) {
            walk_.reset();
            walk_from_.reset();
        }
        worked = true;
    }
    // 3. The asked period's counts (from the first episode that can be in it: the diary
    // is in time order, and no offset is a day or more).
    if (ask_ && (!tally_ || tally_->period() != ask_->first || tally_->today() != ask_->second)) {
        tally_.emplace(ask_->first, ask_->second);
        tally_ready_ = false;
        const std::int64_t from_day = tally_->from_day();
        const std::int64_t from_utc = from_day == std::numeric_limits<std::int64_t>::min() ? from_day : (from_day - 2) * 86400;
        tally_next_ = static_cast<std::size_t>(
            std::partition_point(v.begin(), v.end(), [&](const Episode& e) { return e.start.utc < from_utc; }) - v.begin());
    }
    if (left > 0 && tally_ && !tally_ready_) {
        for (; left > 0 && tally_next_ < v.size(); --left, ++tally_next_) {
            const Episode& e = v[tally_next_];
            if (is_deleted(e)) continue;
            const EpisodeGist g = gist_of(e);
            if (tally_->in_period(g)) tally_->add(g, +1);
        }
        tally_ready_ = tally_next_ >= v.size();
        worked = true;
    }
    publish(s);
    return worked;
}

void DiarySteps::publish(const AppState& s) {
    if (revision_ != s.revision || !gists_ready_ || walk_from_) return;   // the flags are not yet current
    if (!flagged_ || flagged_->revision != revision_) {
        auto f = std::make_shared<FlaggedIds>();
        f->revision = revision_;
        f->ids.reserve(flags_.size());
        for (const auto& [key, value] : flags_) f->ids.push_back(key.second);
        std::sort(f->ids.begin(), f->ids.end());
        flagged_ = std::move(f);
    }
    if (!tally_ || !tally_ready_ || !ask_ || tally_->period() != ask_->first || tally_->today() != ask_->second) return;
    if (patterns_ && patterns_->revision == revision_ && patterns_->period == ask_->first && patterns_->today == ask_->second)
        return;
    // The whole diary's flags newest first (red_flags_in's order) with their starts.
    std::vector<RedFlag> flags;
    std::vector<LocalTime> starts;
    for (auto it = flags_.rbegin(); it != flags_.rend(); ++it)
        for (const RedFlag& f : it->second.second) {
            flags.push_back(f);
            starts.push_back(it->second.first);
        }
    auto p = std::make_shared<PatternStats>(tally_->figures(flags, starts, s.diary.checkins));
    p->revision = revision_;
    std::vector<const LocalTime*> start_ptrs;
    start_ptrs.reserve(starts.size());
    for (const LocalTime& t : starts) start_ptrs.push_back(&t);
    p->red_flag_groups = group_red_flags(flags, start_ptrs);
    p->red_flags = std::move(flags);
    p->red_flag_starts = std::move(starts);
    patterns_ = std::move(p);
}

bool DiarySteps::busy(const AppState& s) const {
    if (revision_ != s.revision || !gists_ready_ || walk_from_) return true;
    if (!flagged_ || flagged_->revision != revision_) return true;
    if (!ask_) return false;
    return !tally_ready_ || !patterns_ || patterns_->revision != revision_ || patterns_->period != ask_->first ||
           patterns_->today != ask_->second;
}

}  // namespace nd::app
