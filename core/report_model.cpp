#include "report_model.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "enum_names.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

std::string lower_first(std::string_view s) {
    std::string out(s);
    if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

std::string upper_first(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::int64_t weekday_of_day(std::int64_t days) { return ((days % 7) + 7 + 3) % 7; }   // 0 = Monday

std::string hh_mm(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

std::string format_minutes(std::int64_t m) {
    if (m < 60) return std::to_string(m) + " min";
    if (m < 48 * 60) {
        std::string s = std::to_string(m / 60) + " h";
        if (m % 60) s += " " + std::to_string(m % 60) + " min";
        return s;
    }
    return std::to_string(m / (24 * 60)) + " days";
}

template <class E>
std::string join_labels(const std::vector<E>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ", ";
        out += out.empty() ? std::string(enum_label(v)) : lower_first(enum_label(v));
    }
    return out;
}

double median(std::vector<int> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::string format_score(double v) {
    char buf[16];
    if (v == static_cast<int>(v)) std::snprintf(buf, sizeof buf, "%d", static_cast<int>(v));
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

bool in_range(const LocalDate& date, const LocalDate& from, const LocalDate& to) {
    return (from.empty() || date >= from) && (to.empty() || date <= to);
}

// in_range(local_date(t), from, to) for every episode of a diary, without formatting
// each one's date (snprintf, a fifth of the dense year's report): when each end is
// open or a real date (days_since_epoch takes only "YYYY-MM-DD" digits), the days
// are compared as numbers, which order as the strings do for four-digit years.
class LocalDateRange {
public:
    LocalDateRange(const LocalDate& from, const LocalDate& to) : from_(from), to_(to) {
        const auto first = from.empty() ? std::optional<std::int64_t>{kFirstDay} : days_since_epoch(from);
        const auto last = to.empty() ? std::optional<std::int64_t>{kLastDay} : days_since_epoch(to);
        by_day_ = first && last;
        if (by_day_) {
            first_ = *first;
            last_ = *last;
        }
    }
    bool contains(const LocalTime& t) const {
        const std::int64_t day = local_day_number(t);
        if (by_day_ && day >= kFirstDay && day <= kLastDay) return day >= first_ && day <= last_;
        return in_range(local_date(t), from_, to_);
    }

private:
    static constexpr std::int64_t kFirstDay = -719162;   // 0001-01-01
    static constexpr std::int64_t kLastDay = 2932896;    // 9999-12-31
    const LocalDate& from_;
    const LocalDate& to_;
    bool by_day_ = false;
    std::int64_t first_ = 0, last_ = 0;
};

// Counts of enum values over episodes, highest first then vocabulary order; zeros left out.
template <class E, class Get>
std::vector<CountItem> count_values(const std::vector<const Episode*>& eps, Get get) {
    std::vector<CountItem> out;
    for (const auto& entry : enum_entries<E>()) {
        int n = 0;
        for (const Episode* e : eps)
            if (contains(get(*e), entry.value)) ++n;
        if (n > 0) out.push_back({entry.id, entry.label, n});
    }
    std::stable_sort(out.begin(), out.end(), [](const CountItem& a, const CountItem& b) { return a.count > b.count; });
    return out;
}

std::string top_items(const std::vector<CountItem>& items, std::size_t max, int of) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < max; ++i) {
        if (i) out += ", ";
        out += lower_first(items[i].label) + " (" + std::to_string(items[i].count);
        if (of > 0) out += " of " + std::to_string(of);
        out += ")";
    }
    return out;
}

constexpr Region kLegOrder[] = {
    Region::LowerBack, Region::Buttock, Region::Hip, Region::SaddleArea, Region::ThighFront, Region::ThighBack,
    Region::Knee, Region::Shin, Region::Calf, Region::Ankle, Region::InnerAnkle, Region::Heel, Region::TopOfFoot,
    Region::Sole, Region::Toes, Region::WholeFoot, Region::WholeLeg,
};
constexpr Region kOtherOrder[] = {Region::Hand, Region::Arm, Region::Face};

Extent episode_extent(const Episode& e) {
    Extent best = Extent::None;
    for (const auto& m : e.regions) best = std::max(best, extent_of(m.region));
    if (e.spread && e.spread_to) best = std::max(best, extent_of(*e.spread_to));
    return best;
}

}  // namespace

const char* extent_label(Extent e) {
    switch (e) {
        case Extent::None: return "No leg region marked";
        case Extent::ToeTips: return "Toe tips";
        case Extent::UpToAnkle: return "Up to the ankle";
        case Extent::UpToKnee: return "Up to the knee";
        case Extent::AboveKnee: return "Above the knee";
    }
    return "";
}

Extent extent_of(Region r) {
    switch (r) {
        case Region::Toes: return Extent::ToeTips;
        case Region::Sole:
        case Region::TopOfFoot:
        case Region::Heel:
        case Region::WholeFoot:
        case Region::InnerAnkle:
        case Region::Ankle: return Extent::UpToAnkle;
        case Region::Shin:
        case Region::Calf:
        case Region::Knee: return Extent::UpToKnee;
        case Region::ThighFront:
        case Region::ThighBack:
        case Region::Hip:
        case Region::Buttock:
        case Region::SaddleArea:
        case Region::WholeLeg: return Extent::AboveKnee;
        case Region::LowerBack:
        case Region::Hand:
        case Region::Arm:
        case Region::Face: return Extent::None;
    }
    return Extent::None;
}

std::string period_text(const LocalDate& from, const LocalDate& to, int days_in_period) {
    const int weeks = (days_in_period + 6) / 7;
    return format_date_long(from) + " to " + format_date_long(to) + " (" +
           (days_in_period < 14 ? std::to_string(days_in_period) + " days" : std::to_string(weeks) + " weeks") + ")";
}

std::string format_date_long(const LocalDate& date) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!is_valid_date(date)) return date;
    const int m = std::stoi(date.substr(5, 2));
    const int d = std::stoi(date.substr(8, 2));
    return std::to_string(d) + " " + kMonths[m - 1] + " " + date.substr(0, 4);
}

Diary diary_in_range(const Diary& d, const LocalDate& from, const LocalDate& to) {
    // Every list but the episodes and check-ins as it is, without copying all the
    // episodes first. A field added to Diary stops the build here until it is copied.
    const auto& [profile, episodes, checkins, facts, medicines, tombstones, responses] = d;
    Diary out;
    out.profile = profile;
    out.facts = facts;
    out.medicines = medicines;
    out.tombstones = tombstones;
    out.questionnaire_responses = responses;
    const LocalDateRange range(from, to);
    for (const auto& e : episodes)
        if (range.contains(e.start)) out.episodes.push_back(e);
    for (const auto& c : checkins)
        if (in_range(c.date, from, to)) out.checkins.push_back(c);
    return out;
}

namespace {

// The causes part of the report: matched causes as topics to discuss. The fit (and the
// "cannot tell yet" below the minimum) comes from nd::match, so the PDF says what the app's
// Causes page and `numbness-diary-cli match` say (thresholds: core/matching_thresholds.hpp).
void fill_topics(ReportModel& r, const MatchResult& match) {
    r.topics_intro =
        "Patterns in this diary that resemble documented causes of leg and foot numbness, with the entries "
        "they rest on. They are topics to discuss, not a diagnosis.";
    const bool too_few = match.minimum_episodes > 0 && match.episodes_considered < match.minimum_episodes;
    r.too_few_episodes = too_few;
    if (too_few) {
        r.topics_intro = "The diary cannot tell yet: it has " + std::to_string(match.episodes_considered) +
                         (match.episodes_considered == 1 ? " episode" : " episodes") + ", and at least " +
                         std::to_string(match.minimum_episodes) +
                         " are needed before patterns are compared with documented causes.";
        return;   // no claims before there is enough to go on
    }
    for (const auto& c : match.causes) {
        if (c.fit != Fit::FitsWell && c.fit != Fit::FitsPartly) continue;
        if (r.topics.size() >= 6) break;
        Topic t;
        t.name = c.name;
        t.fit = c.fit_text;
        t.serious = c.serious;
        for (const auto& ev : c.evidence) (ev.supports ? t.evidence_for : t.evidence_against).push_back(ev.text);
        t.unknowns = c.unknowns;
        r.topics.push_back(std::move(t));
    }
}


// What every section builder reads: the diary, the match, the options and the
// records of the period (episodes normalised and in time order).
struct ReportInputs {
    ReportInputs(const Diary& diary, const MatchResult& m, const ReportOptions& o) : d(diary), match(m), options(o) {}
    const Diary& d;
    const MatchResult& match;
    const ReportOptions& options;
    std::vector<Episode> normalized;
    std::vector<const Episode*> eps;
    std::vector<const CheckIn*> checkins;
    std::optional<std::int64_t> from_day, to_day;
    std::set<std::string> flagged;                // episodes with a red flag
    int left_only = 0, right_only = 0, both_sides = 0;
};

// The period, what is in it, and who it is about.
void build_period(ReportModel& r, ReportInputs& in) {
    in.normalized.reserve(in.d.episodes.size());
    const LocalDateRange range(in.options.from, in.options.to);
    for (const auto& e : in.d.episodes) {
        if (is_deleted(e) || !range.contains(e.start)) continue;
        in.normalized.push_back(e);
        normalize(in.normalized.back());
    }
    std::stable_sort(in.normalized.begin(), in.normalized.end(), [](const Episode& a, const Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    });
    for (const auto& e : in.normalized) in.eps.push_back(&e);
    for (const auto& c : in.d.checkins)
        if (!c.deleted_utc && in_range(c.date, in.options.from, in.options.to)) in.checkins.push_back(&c);
    std::stable_sort(in.checkins.begin(), in.checkins.end(),
                     [](const CheckIn* a, const CheckIn* b) { return a->date < b->date; });

    r.from = in.options.from;
    r.to = in.options.to;
    for (const Episode* e : in.eps) {
        const auto day = local_date(e->start);
        if (in.options.from.empty() && (r.from.empty() || day < r.from)) r.from = day;
        if (in.options.to.empty() && (r.to.empty() || day > r.to)) r.to = day;
    }
    for (const CheckIn* c : in.checkins) {
        if (in.options.from.empty() && (r.from.empty() || c->date < r.from)) r.from = c->date;
        if (in.options.to.empty() && (r.to.empty() || c->date > r.to)) r.to = c->date;
    }
    in.from_day = days_since_epoch(r.from);
    in.to_day = days_since_epoch(r.to);
    if (in.from_day && in.to_day && *in.to_day >= *in.from_day) {
        r.days_in_period = static_cast<int>(*in.to_day - *in.from_day + 1);
        r.period_text = period_text(r.from, r.to, r.days_in_period);
    } else {
        r.period_text = "No entries yet";
    }

    std::string person = in.d.profile.name;
    if (is_valid_date(in.d.profile.birth_date))
        person += (person.empty() ? "Born " : ", born ") + format_date_long(in.d.profile.birth_date);
    r.person = person;

    r.episode_count = static_cast<int>(in.eps.size());
    std::set<LocalDate> episode_days;
    for (const Episode* e : in.eps) episode_days.insert(local_date(e->start));
    r.days_with_episodes = static_cast<int>(episode_days.size());
    r.checkin_days = static_cast<int>(in.checkins.size());
    for (const CheckIn* c : in.checkins)
        if (c->no_numbness) ++r.no_numbness_days;
}

// Warning signs of the episodes in the period (always in the report).
void build_red_flags(ReportModel& r, ReportInputs& in) {
    std::map<std::string, const Episode*> by_id;
    for (const Episode* e : in.eps) by_id[e->id] = e;
    for (const auto& f : in.match.red_flags) {
        const auto it = by_id.find(f.episode_id);
        if (it == by_id.end()) continue;
        in.flagged.insert(f.episode_id);
        RedFlagEvent ev;
        ev.date = local_date(it->second->start);
        ev.time = hh_mm(local_minute_of_day(it->second->start));
        ev.title = f.title;
        ev.advice = f.advice;
        for (const auto& reason : f.reasons) ev.reasons += (ev.reasons.empty() ? "" : "; ") + reason;
        {
            std::string signs = join_labels(it->second->signs);
            std::string where;
            for (const auto& m : it->second->regions) {
                if (!where.empty()) where += ", ";
                where += describe(m);
            }
            ev.signs = signs.empty() ? upper_first(where) : (where.empty() ? signs : signs + "; " + where);
        }
        ev.call_emergency = f.call_emergency;
        ev.episode_id = f.episode_id;
        r.red_flags.push_back(std::move(ev));
    }
    std::stable_sort(r.red_flags.begin(), r.red_flags.end(), [](const RedFlagEvent& a, const RedFlagEvent& b) {
        return a.date != b.date ? a.date < b.date : a.time < b.time;
    });
}

// Episodes per week (kSectionPerWeek).
void build_per_week(ReportModel& r, ReportInputs& in) {
    if (in.from_day && in.to_day && *in.to_day >= *in.from_day) {
        const std::int64_t first_monday = *in.from_day - weekday_of_day(*in.from_day);
        const std::int64_t last_monday = *in.to_day - weekday_of_day(*in.to_day);
        for (std::int64_t w = first_monday; w <= last_monday; w += 7) r.per_week.push_back({date_from_days(w), 0, 0});
        for (const Episode* e : in.eps) {
            const auto day = days_since_epoch(local_date(e->start));
            if (!day) continue;
            const auto idx = static_cast<std::size_t>((*day - weekday_of_day(*day) - first_monday) / 7);
            if (idx < r.per_week.size()) {
                ++r.per_week[idx].episodes;
                if (in.flagged.count(e->id)) ++r.per_week[idx].red_flag_episodes;
            }
        }
    }
}

// Episodes touching each region, by side: an episode counts once per region and
// side, however it was marked (a region marked left and both is one left episode).
std::map<Region, RegionCount> count_regions(const std::vector<const Episode*>& eps) {
    std::map<Region, RegionCount> region_counts;
    for (const Episode* e : eps) {
        std::map<Region, std::array<bool, 3>> marks;   // left, right, middle
        for (const auto& m : e->regions) {
            auto& flags = marks[m.region];
            if (m.side == Side::Left || m.side == Side::Both) flags[0] = true;
            if (m.side == Side::Right || m.side == Side::Both) flags[1] = true;
            if (m.side == Side::Middle) flags[2] = true;
        }
        for (const auto& [region, flags] : marks) {
            auto& rc = region_counts[region];
            rc.region = region;
            rc.label = enum_label(region);
            rc.left += flags[0];
            rc.right += flags[1];
            rc.middle += flags[2];
        }
    }
    return region_counts;
}

// Where, and how far up (kSectionBodyMap).
void build_body_map(ReportModel& r, ReportInputs& in) {
    const std::map<Region, RegionCount> region_counts = count_regions(in.eps);
    for (const Episode* e : in.eps) {
        bool any_left = false, any_right = false;
        for (const auto& m : e->regions) {
            any_left = any_left || m.side == Side::Left || m.side == Side::Both;
            any_right = any_right || m.side == Side::Right || m.side == Side::Both;
        }
        if (any_left && any_right) ++in.both_sides;
        else if (any_left) ++in.left_only;
        else if (any_right) ++in.right_only;
        r.episodes_by_extent[static_cast<std::size_t>(episode_extent(*e))]++;
        r.highest_extent = std::max(r.highest_extent, episode_extent(*e));
    }
    auto add_region = [&](Region reg, bool always) {
        RegionCount rc;
        if (auto it = region_counts.find(reg); it != region_counts.end()) rc = it->second;
        if (!always && rc.left + rc.right + rc.middle == 0) return;
        rc.region = reg;
        rc.label = enum_label(reg);
        r.regions.push_back(rc);
    };
    for (Region reg : kLegOrder) add_region(reg, true);
    for (Region reg : kOtherOrder) add_region(reg, false);
}

// Page 1's body figure and weekly trend (issue #14): built whatever sections were
// chosen, because page 1 always prints them.
void build_page_one_figures(ReportModel& r, ReportInputs& in) {
    const std::map<Region, RegionCount> region_counts = count_regions(in.eps);
    auto add = [&](Region reg) {
        if (auto it = region_counts.find(reg); it != region_counts.end()) r.figure.push_back(it->second);
    };
    for (Region reg : kLegOrder) add(reg);
    for (Region reg : kOtherOrder) add(reg);
    for (const Episode* e : in.eps) r.figure_episodes += e->regions.empty() ? 0 : 1;

    if (!in.from_day || !in.to_day || *in.to_day < *in.from_day) return;
    const std::int64_t first_monday = *in.from_day - weekday_of_day(*in.from_day);
    const std::int64_t last_monday = *in.to_day - weekday_of_day(*in.to_day);
    const auto weeks = static_cast<std::size_t>((last_monday - first_monday) / 7 + 1);
    std::vector<std::vector<int>> numb(weeks), pain(weeks);
    r.trend.resize(weeks);
    for (std::size_t i = 0; i < weeks; ++i) r.trend[i].week_start = date_from_days(first_monday + 7 * static_cast<std::int64_t>(i));
    for (const Episode* e : in.eps) {
        const auto day = days_since_epoch(local_date(e->start));
        if (!day) continue;
        const auto idx = static_cast<std::size_t>((*day - weekday_of_day(*day) - first_monday) / 7);
        if (idx >= weeks) continue;
        ++r.trend[idx].episodes;
        if (e->numbness) numb[idx].push_back(*e->numbness);
        if (e->pain) pain[idx].push_back(*e->pain);
    }
    for (std::size_t i = 0; i < weeks; ++i) {
        if (!numb[i].empty()) r.trend[i].median_numbness = median(numb[i]);
        if (!pain[i].empty()) r.trend[i].median_pain = median(pain[i]);
    }
}

// Sensations, triggers, reliefs, signs (kSectionSensations).
void build_sensations(ReportModel& r, ReportInputs& in) {
    r.sensations = count_values<Sensation>(in.eps, [](const Episode& e) -> const auto& { return e.sensations; });
    r.triggers = count_values<Activity>(in.eps, [](const Episode& e) -> const auto& { return e.activities; });
    r.reliefs = count_values<Relief>(in.eps, [](const Episode& e) -> const auto& { return e.reliefs; });
    r.signs = count_values<Sign>(in.eps, [](const Episode& e) -> const auto& { return e.signs; });
}

// Severity over time (kSectionSeverity).
void build_severity(ReportModel& r, ReportInputs& in) {
    std::vector<int> numb, pain;
    for (const Episode* e : in.eps) {
        SeverityPoint p;
        p.date = local_date(e->start);
        p.local_day = days_since_epoch(p.date).value_or(0);
        p.minute_of_day = local_minute_of_day(e->start);
        p.numbness = e->numbness;
        p.pain = e->pain;
        p.red_flag = in.flagged.count(e->id) > 0;
        r.severity.push_back(p);
        if (e->numbness) {
            numb.push_back(*e->numbness);
            r.max_numbness = std::max(r.max_numbness, *e->numbness);
        }
        if (e->pain) {
            pain.push_back(*e->pain);
            r.max_pain = std::max(r.max_pain, *e->pain);
        }
    }
    r.numbness_rated = static_cast<int>(numb.size());
    r.pain_rated = static_cast<int>(pain.size());
    r.median_numbness = median(numb);
    r.median_pain = median(pain);
}

// Notes (numbered, by time) and the episode table (kSectionNotes, kSectionEpisodeTable).
void build_table_and_notes(ReportModel& r, ReportInputs& in) {
    {
        struct Pending {
            LocalDate date;
            int minute;
            std::string source;
            std::string text;
            std::string episode_id;
        };
        std::vector<Pending> pending;
        for (const Episode* e : in.eps)
            if (!e->note.empty())
                pending.push_back({local_date(e->start), local_minute_of_day(e->start),
                                   "Episode " + hh_mm(local_minute_of_day(e->start)), e->note, e->id});
        for (const CheckIn* c : in.checkins)
            if (!c->note.empty()) pending.push_back({c->date, 24 * 60, "Check-in", c->note, ""});
        std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
            return a.date != b.date ? a.date < b.date : a.minute < b.minute;
        });
        std::map<std::string, int> note_of_episode;
        for (const auto& p : pending) {
            NoteItem n;
            n.number = static_cast<int>(r.notes.size()) + 1;
            n.date = p.date;
            n.source = p.source;
            n.text = p.text;
            if (!p.episode_id.empty()) note_of_episode[p.episode_id] = n.number;
            r.notes.push_back(std::move(n));
        }

        for (const Episode* e : in.eps) {
            EpisodeRow row;
            row.id = e->id;
            row.date = local_date(e->start);
            row.time = hh_mm(local_minute_of_day(e->start));
            if (e->ongoing) row.duration = "still going";
            else if (e->duration_min) row.duration = format_minutes(*e->duration_min);
            else row.duration = "not noted";
            for (const auto& m : e->regions) row.where += (row.where.empty() ? "" : ", ") + describe(m);
            if (e->spread && e->spread_to)
                row.where += std::string(row.where.empty() ? "" : "; ") + "spread to " +
                             lower_first(enum_label(*e->spread_to));
            row.where = upper_first(row.where);
            const Extent ext = episode_extent(*e);
            row.extent = ext == Extent::None ? "" : extent_label(ext);
            row.feels = join_labels(e->sensations);
            row.numbness = e->numbness;
            row.pain = e->pain;
            row.before = join_labels(e->activities);
            row.eased_by = join_labels(e->reliefs);
            if (e->relief_after_min && !e->reliefs.empty())
                row.eased_by += " (after " + format_minutes(*e->relief_after_min) + ")";
            row.signs = join_labels(e->signs);
            if (auto it = note_of_episode.find(e->id); it != note_of_episode.end()) row.note_number = it->second;
            row.red_flag = in.flagged.count(e->id) > 0;
            r.rows.push_back(std::move(row));
        }
    }
}

// Health background and medicines (kSectionBackground).
void build_background(ReportModel& r, ReportInputs& in) {
    for (const auto& f : in.d.facts) {
        if (f.deleted_utc) continue;
        BackgroundLine line;
        line.label = enum_label(f.kind);
        std::string detail = f.detail;
        if (f.kind == FactKind::AlcoholUse && f.amount)
            detail += std::string(detail.empty() ? "" : "; ") + format_score(*f.amount) + " drinks a week";
        if (!f.since.empty()) detail += std::string(detail.empty() ? "" : "; ") + "since " + f.since;
        line.detail = detail;
        r.background.push_back(std::move(line));
    }
    for (const auto& m : in.d.medicines) {
        if (m.deleted_utc) continue;
        BackgroundLine line;
        line.label = "Medicine";
        std::string detail = m.name;
        if (!m.dose.empty()) detail += " " + m.dose;
        if (!m.when_taken.empty()) detail += ", " + m.when_taken;
        if (!m.since.empty()) detail += ", since " + m.since;
        if (m.helped != TriState::Unknown) detail += std::string("; helped: ") + (m.helped == TriState::Yes ? "yes" : "no");
        line.detail = detail;
        r.background.push_back(std::move(line));
    }
}

// Check-in symptoms (kSectionCheckIns).
void build_checkins(ReportModel& r, ReportInputs& in) {
    for (const auto& entry : enum_entries<GeneralSymptom>()) {
        int n = 0;
        for (const CheckIn* c : in.checkins)
            if (contains(c->symptoms, entry.value)) ++n;
        if (n > 0) r.checkin_symptoms.push_back({entry.id, entry.label, n});
    }
    std::stable_sort(r.checkin_symptoms.begin(), r.checkin_symptoms.end(),
                     [](const CountItem& a, const CountItem& b) { return a.count > b.count; });
}

// Topics to discuss (kSectionTopics): the fit comes from nd::match (fill_topics).
void build_topics(ReportModel& r, ReportInputs& in) { fill_topics(r, in.match); }

// Key facts: what a doctor reads first (kSectionSummary).
void build_summary(ReportModel& r, ReportInputs& in) {
    auto& kf = r.key_facts;
    const int n = r.episode_count;
    if (n == 0) {
        kf.push_back("No episodes recorded in this period.");
    } else {
        std::string count = std::to_string(n) + (n == 1 ? " episode" : " episodes") + " on " +
                            std::to_string(r.days_with_episodes) + " of " + std::to_string(r.days_in_period) + " days";
        if (r.days_in_period >= 14) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f", n * 7.0 / r.days_in_period);
            count += std::string(" (") + buf + " a week on average)";
        }
        kf.push_back(count + ".");
    }
    if (!r.red_flags.empty()) {
        std::set<std::string> titles;
        for (const auto& f : r.red_flags) titles.insert(f.title);
        std::string t;
        for (const auto& s : titles) t += (t.empty() ? "" : "; ") + s;
        kf.insert(kf.begin(), "RED FLAGS: " + std::to_string(in.flagged.size()) + " episode" +
                                  (in.flagged.size() == 1 ? "" : "s") + " with warning signs (" + t + "). Every one is listed under "
                                  "\"Warning signs\".");
    } else if (n > 0) {
        kf.push_back("No red-flag signs recorded (no sudden one-sided weakness, speech, face, vision, bladder or "
                     "bowel symptoms).");
    }
    if (n > 0) {
        std::vector<CountItem> where;
        for (const auto& rc : r.regions) {
            if (rc.left) where.push_back({"", "left " + lower_first(rc.label), rc.left});
            if (rc.right) where.push_back({"", "right " + lower_first(rc.label), rc.right});
            if (rc.middle) where.push_back({"", lower_first(rc.label), rc.middle});
        }
        std::stable_sort(where.begin(), where.end(), [](const CountItem& a, const CountItem& b) { return a.count > b.count; });
        if (!where.empty()) {
            std::string s = "Where: " + top_items(where, 3, n) + ".";
            s += " Left only " + std::to_string(in.left_only) + ", right only " + std::to_string(in.right_only) +
                 ", both sides " + std::to_string(in.both_sides) + ".";
            kf.push_back(s);
        }
        if (r.highest_extent != Extent::None) {
            std::string s = "Highest extent reached: " + lower_first(extent_label(r.highest_extent)) + " (" +
                            std::to_string(r.episodes_by_extent[static_cast<std::size_t>(r.highest_extent)]) + " of " +
                            std::to_string(n) + ")";
            std::size_t most = 1;
            for (std::size_t i = 1; i < r.episodes_by_extent.size(); ++i)
                if (r.episodes_by_extent[i] > r.episodes_by_extent[most]) most = i;
            if (static_cast<Extent>(most) != r.highest_extent &&
                r.episodes_by_extent[most] > r.episodes_by_extent[static_cast<std::size_t>(r.highest_extent)])
                s += "; most often " + lower_first(extent_label(static_cast<Extent>(most))) + " (" +
                     std::to_string(r.episodes_by_extent[most]) + ")";
            kf.push_back(s + ".");
        }
        if (!r.sensations.empty()) kf.push_back("Felt as: " + top_items(r.sensations, 4, n) + ".");
        if (!r.triggers.empty()) kf.push_back("Began after: " + top_items(r.triggers, 3, n) + ".");
        if (!r.reliefs.empty()) {
            std::vector<int> after;
            for (const Episode* e : in.eps)
                if (e->relief_after_min && !e->reliefs.empty()) after.push_back(*e->relief_after_min);
            std::string s = "Eased by: " + top_items(r.reliefs, 3, n);
            if (!after.empty()) s += "; typically within " + format_minutes(static_cast<std::int64_t>(median(after)));
            kf.push_back(s + ".");
        }
        std::vector<int> durations;
        for (const Episode* e : in.eps)
            if (e->duration_min && !e->ongoing) durations.push_back(*e->duration_min);
        if (!durations.empty()) {
            const auto [mn, mx] = std::minmax_element(durations.begin(), durations.end());
            kf.push_back("Lasted typically " + format_minutes(static_cast<std::int64_t>(median(durations))) + " (from " +
                         format_minutes(*mn) + " to " + format_minutes(*mx) + ").");
        }
        // Only rated episodes count: "not rated" is unknown, not 0.
        const std::string numb_text = r.numbness_rated ? "Numbness typically " + format_score(r.median_numbness) +
                                                             "/10, at most " + std::to_string(r.max_numbness) + "/10"
                                                       : "Numbness not rated";
        const std::string pain_text = r.pain_rated ? "pain typically " + format_score(r.median_pain) + "/10, at most " +
                                                         std::to_string(r.max_pain) + "/10"
                                                   : "pain not rated";
        kf.push_back(numb_text + "; " + pain_text + ".");
        int night = 0, sudden = 0;
        for (const Episode* e : in.eps) {
            night += e->worse_at_night == TriState::Yes;
            sudden += e->onset == Onset::Sudden;
        }
        if (night || sudden)
            kf.push_back("Worse at night in " + std::to_string(night) + "; sudden onset in " + std::to_string(sudden) +
                         " of " + std::to_string(n) + ".");
    }
    if (r.checkin_days > 0)
        kf.push_back("Daily check-ins on " + std::to_string(r.checkin_days) + (r.checkin_days == 1 ? " day" : " days") +
                     "; \"no numbness today\" on " +
                     std::to_string(r.no_numbness_days) + ".");
}

// Leave out what was not chosen (it is not in the report at all).
void apply_sections(ReportModel& r) {
    if (!r.has(kSectionSummary)) r.key_facts.clear();
    if (!r.has(kSectionPerWeek)) r.per_week.clear();
    if (!r.has(kSectionBodyMap)) {
        r.regions.clear();
        r.episodes_by_extent = {};
        r.highest_extent = Extent::None;
    }
    if (!r.has(kSectionSensations)) {
        r.sensations.clear();
        r.triggers.clear();
        r.reliefs.clear();
        r.signs.clear();
    }
    if (!r.has(kSectionSeverity)) r.severity.clear();
    if (!r.has(kSectionRedFlags)) r.red_flags.clear();
    if (!r.has(kSectionBackground)) r.background.clear();
    if (!r.has(kSectionCheckIns)) r.checkin_symptoms.clear();
    if (!r.has(kSectionTopics)) r.topics.clear();
    if (!r.has(kSectionEpisodeTable)) r.rows.clear();
    if (!r.has(kSectionNotes)) {
        r.notes.clear();
        for (auto& row : r.rows) row.note_number = 0;
    }
}


// Whole years from one date to another ("YYYY-MM-DD"); nullopt when either is not a date.
std::optional<int> years_between(const LocalDate& from, const LocalDate& to) {
    if (!is_valid_date(from) || !is_valid_date(to) || to < from) return std::nullopt;
    int years = std::stoi(to.substr(0, 4)) - std::stoi(from.substr(0, 4));
    if (to.substr(5) < from.substr(5)) --years;
    return years;
}

template <class E>
std::string joined_lower(const std::vector<E>& values, const char* sep = ", ") {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : sep) + lower_first(enum_label(v));
    return out;
}

// The parts of the body a pattern line names (docs/report.md).
constexpr const char* kZoneNames[] = {"feet", "lower legs", "thighs, hips or whole leg", "saddle area or lower back",
                                      "arms, hands or face"};
int zone_of(Region r) {
    switch (r) {
        case Region::Toes:
        case Region::Sole:
        case Region::TopOfFoot:
        case Region::Heel:
        case Region::WholeFoot:
        case Region::InnerAnkle:
        case Region::Ankle: return 0;
        case Region::Shin:
        case Region::Calf:
        case Region::Knee: return 1;
        case Region::ThighFront:
        case Region::ThighBack:
        case Region::Hip:
        case Region::Buttock:
        case Region::WholeLeg: return 2;
        case Region::SaddleArea:
        case Region::LowerBack: return 3;
        case Region::Hand:
        case Region::Arm:
        case Region::Face: return 4;
    }
    return 0;
}

// Page 1, after the medicines (issue #15): the latest score of each standard
// questionnaire taken in the period, what it means (describe_score: the cut-off it
// reached, from the questionnaire's file) and the score before it, for the trend.
void build_scores(ReportModel& r, const ReportInputs& in) {
    std::vector<const QuestionnaireResponse*> live;
    for (const auto& q : in.d.questionnaire_responses)
        if (!q.deleted_utc) live.push_back(&q);
    std::stable_sort(live.begin(), live.end(), [](const QuestionnaireResponse* a, const QuestionnaireResponse* b) {
        return a->taken.utc != b->taken.utc ? a->taken.utc < b->taken.utc : a->id < b->id;
    });
    std::vector<std::string> ids;   // in order of first answer
    for (const auto* q : live)
        if (std::find(ids.begin(), ids.end(), q->questionnaire) == ids.end()) ids.push_back(q->questionnaire);
    for (const auto& id : ids) {
        const QuestionnaireResponse* latest = nullptr;
        const QuestionnaireResponse* before = nullptr;
        for (const auto* q : live) {
            if (q->questionnaire != id) continue;
            if (!in_range(local_date(q->taken), in.options.from, in.options.to)) {
                if (latest) break;   // after the period
                before = q;          // before the period: still the one before
                continue;
            }
            before = latest ? latest : before;
            latest = q;
        }
        if (!latest) continue;
        ScoreLine line;
        line.questionnaire = id;
        line.date = local_date(latest->taken);
        line.score = latest->score;
        const Questionnaire* q = find_questionnaire(in.options.questionnaires, id);
        line.title = q ? (q->short_title.empty() ? q->title : q->short_title) : id;
        std::string t = line.title + " " + std::to_string(line.score);
        if (q) {
            line.score_max = q->score_max;
            t += "/" + std::to_string(q->score_max);
            // describe_score: "Score 5 of 13: <the cut-off reached>"; the line has the score already.
            std::string meaning = describe_score(*q, line.score);
            if (const auto colon = meaning.find(": "); colon != std::string::npos) meaning = meaning.substr(colon + 2);
            line.meaning = meaning;
        }
        t += " on " + line.date;
        if (!line.meaning.empty()) t += ": " + line.meaning;
        t += " (screening, not a diagnosis).";
        if (before) {
            line.previous_score = before->score;
            line.previous_date = local_date(before->taken);
            t += " Was " + std::to_string(before->score) + " on " + line.previous_date + ".";
        }
        line.text = t;
        r.scores.push_back(std::move(line));
    }
}

// Page 1: who, onset, questions, patterns, medicines and causes (issue #14).
void build_page_one(ReportModel& r, ReportInputs& in) {
    const Profile& p = in.d.profile;
    r.paper = in.options.paper;
    r.who = p.name.empty() ? "Name not given" : p.name;
    if (is_valid_date(p.birth_date)) {
        r.who += ", born " + format_date_long(p.birth_date);
        const LocalDate ref = !in.options.generated_on.empty() ? in.options.generated_on : r.to;
        if (auto age = years_between(p.birth_date, ref)) r.who += " (" + std::to_string(*age) + " years)";
    }
    r.health_number = p.health_number;
    if (is_valid_date(p.complaint_began)) {
        r.onset_text = "The numbness or tingling began on " + format_date_long(p.complaint_began);
        if (is_valid_date(r.from) && p.complaint_began < r.from) {
            const auto a = days_since_epoch(p.complaint_began), b = days_since_epoch(r.from);
            if (a && b) {
                const std::int64_t days = *b - *a;
                r.onset_text += days >= 60 ? " (about " + std::to_string(days / 30) + " months before this period)"
                                           : " (" + std::to_string(days) + " days before this period)";
            }
        }
        r.onset_text += ".";
    } else {
        r.onset_text = "When it began: not given (the diary's first entry is " +
                       (r.from.empty() ? std::string("none") : format_date_long(r.from)) + ").";
    }
    r.questions = p.questions;

    // ---- Patterns: episodes alike in where + what brought them on + what eased them ----
    struct Group {
        std::string where, before, eased;
        std::vector<const Episode*> eps;
    };
    std::vector<Group> groups;
    for (const Episode* e : in.eps) {
        // Where: the parts of the body touched (feet, lower legs, ...), with the side
        // as one word; finer detail is in the appendix's body map.
        std::set<int> zones;
        bool left = false, right = false, middle = false;
        for (const auto& m : e->regions) {
            zones.insert(zone_of(m.region));
            left = left || m.side == Side::Left || m.side == Side::Both;
            right = right || m.side == Side::Right || m.side == Side::Both;
            middle = middle || m.side == Side::Middle;
        }
        std::string where = left && right ? "Both sides" : left ? "Left" : right ? "Right" : middle ? "" : "Not marked";
        std::string list;
        for (int z : zones) list += (list.empty() ? "" : ", ") + std::string(kZoneNames[z]);
        if (!list.empty()) where = where.empty() ? upper_first(list) : where + ": " + list;
        const std::string before = e->activities.empty() ? "" : joined_lower(e->activities, " or ");
        const std::string eased = e->reliefs.empty() ? "" : joined_lower(e->reliefs, " or ");
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
            return g.where == where && g.before == before && g.eased == eased;
        });
        if (it == groups.end()) groups.push_back({where, before, eased, {e}});
        else it->eps.push_back(e);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.eps.size() > b.eps.size(); });
    int rest_eps = 0, rest_groups = 0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (gi >= 5) {
            rest_eps += static_cast<int>(g.eps.size());
            ++rest_groups;
            continue;
        }
        PatternLine pl;
        pl.episodes = static_cast<int>(g.eps.size());
        pl.where = g.where;
        pl.brought_on = g.before.empty() ? "nothing noted before it" : "after " + g.before;
        std::vector<int> after, durations, numb, pain;
        std::vector<Sensation> feels;
        for (const Episode* e : g.eps) {
            if (e->relief_after_min && !e->reliefs.empty()) after.push_back(*e->relief_after_min);
            if (e->duration_min && !e->ongoing) durations.push_back(*e->duration_min);
            if (e->numbness) numb.push_back(*e->numbness);   // rated only: "not rated" is unknown
            if (e->pain) pain.push_back(*e->pain);
            for (Sensation x : e->sensations)
                if (!contains(feels, x)) feels.push_back(x);
        }
        std::sort(feels.begin(), feels.end());
        if (g.eased.empty()) pl.eased = "nothing noted that eased it";
        else if (g.eased == lower_first(enum_label(Relief::Nothing))) pl.eased = "nothing helped";
        else pl.eased = "eased by " + g.eased;
        if (!after.empty()) pl.eased += " (typically within " + format_minutes(static_cast<std::int64_t>(median(after))) + ")";
        std::string t = std::to_string(pl.episodes) + (pl.episodes == 1 ? " episode. " : " episodes. ") + pl.where +
                        "; " + pl.brought_on + "; " + pl.eased + ".";
        if (!feels.empty()) t += " Felt as " + joined_lower(feels) + ".";
        if (!durations.empty()) t += " Lasted typically " + format_minutes(static_cast<std::int64_t>(median(durations))) + ".";
        if (!numb.empty()) t += " Numbness typically " + format_score(median(numb)) + "/10.";
        if (!pain.empty()) t += " Pain typically " + format_score(median(pain)) + "/10.";
        const LocalDate first = local_date(g.eps.front()->start), last = local_date(g.eps.back()->start);
        t += first == last ? " On " + format_date_long(first) + "."
                           : " From " + format_date_long(first) + " to " + format_date_long(last) + ".";
        pl.text = t;
        r.patterns.push_back(std::move(pl));
    }
    if (rest_eps > 0)
        r.patterns_more = "And " + std::to_string(rest_eps) + (rest_eps == 1 ? " episode" : " episodes") + " in " +
                          std::to_string(rest_groups) + (rest_groups == 1 ? " other group." : " smaller groups.");

    // ---- Medicines, with whether they helped ----
    for (const auto& m : in.d.medicines) {
        if (m.deleted_utc) continue;
        BackgroundLine line;
        line.label = m.name + (m.dose.empty() ? "" : " " + m.dose);
        std::string detail = m.when_taken;
        if (!m.since.empty()) detail += std::string(detail.empty() ? "" : ", ") + "since " + m.since;
        detail += std::string(detail.empty() ? "" : "; ") +
                  (m.helped == TriState::Yes ? "helped" : m.helped == TriState::No ? "did not help" : "whether it helped: not noted");
        if (!m.note.empty()) detail += "; " + lower_first(m.note);
        line.detail = detail;
        r.medicines.push_back(std::move(line));
    }

    build_scores(r, in);

    // ---- Causes worth discussing, worded for the doctor ----
    // Which causes come here is the matching's call (its Fit); a serious cause that
    // fits little is still listed, as one worth excluding.
    const bool too_few = in.match.minimum_episodes > 0 && in.match.episodes_considered < in.match.minimum_episodes;
    if (!too_few) {
        for (const auto& c : in.match.causes) {
            const bool fits = c.fit == Fit::FitsWell || c.fit == Fit::FitsPartly;
            const bool exclude = c.fit == Fit::FitsLittle && c.serious;
            if (!fits && !exclude) continue;
            if (r.causes.size() >= 6) break;
            CauseLine cl;
            cl.name = c.name;
            cl.fit = c.fit_text;
            cl.worth_excluding = exclude;
            std::string pro, con;
            for (const auto& ev : c.evidence) {
                std::string& out = ev.supports ? pro : con;
                if (out.size() > 160) continue;
                out += (out.empty() ? "" : "; ") + lower_first(ev.text);
            }
            // fit_label, not fit_text: the reader is the doctor, not the patient.
            // Short: page 1 holds every cause listed here (issue #14).
            std::string t = exclude ? "Fits little; worth excluding." : std::string(fit_label(c.fit)) + ".";
            if (!pro.empty()) t += " For: " + pro + ".";
            if (!con.empty()) t += " Against: " + con + ".";
            cl.text = t;
            r.causes.push_back(std::move(cl));
        }
    }
}

}  // namespace

ReportModel build_report(const Diary& d, const MatchResult& match, const ReportOptions& options) {
    ReportModel r;
    // Warning signs are never left out of a report, whatever was chosen.
    r.sections = options.sections | kSectionRedFlags;
    r.generated_on = options.generated_on;
    ReportInputs in(d, match, options);
    build_period(r, in);
    build_red_flags(r, in);
    build_per_week(r, in);
    build_body_map(r, in);
    build_sensations(r, in);
    build_severity(r, in);
    build_table_and_notes(r, in);
    build_background(r, in);
    build_checkins(r, in);
    build_topics(r, in);
    build_page_one(r, in);
    build_page_one_figures(r, in);
    build_summary(r, in);
    apply_sections(r);
    return r;
}

}  // namespace nd
