// `numbness-diary-cli log` (a new episode from flags) and `numbness-diary-cli end` (end a "still going" episode).
#include <iostream>

#include "cli.hpp"
#include "matching.hpp"
#include "red_flags.hpp"

namespace ndcli {

namespace {

constexpr int kMaxMinutes = 60 * 24 * 366;  // a year

std::vector<nd::RegionMark> parse_regions(const std::vector<std::string>& texts) {
    std::vector<nd::RegionMark> out;
    for (const auto& text : texts) {
        std::size_t start = 0;
        while (true) {
            const auto comma = text.find(',', start);
            const auto part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (part.empty()) throw UsageError("--region: empty value in '" + text + "' (e.g. left:toes)");
            out.push_back(parse_region_mark("--region", part));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

int run_log(const Args& a, Context& ctx) {
    nd::Episode e;
    if (a.has("--at") && a.has("--ago")) throw UsageError("give either --at or --ago, not both");
    if (auto at = a.get("--at")) {
        e.start = parse_time("--at", *at, ctx);
        if (e.start.utc > ctx.now + 60) throw UsageError("--at: " + *at + " is in the future");
    } else if (auto ago = a.get("--ago")) {
        e.start = ctx.at(ctx.now - std::int64_t{parse_int("--ago", *ago, 0, kMaxMinutes)} * 60);
    } else {
        e.start = {ctx.now, ctx.offset_min};
    }
    if (a.has("--duration") && a.has("--ongoing")) throw UsageError("give either --duration or --ongoing, not both");
    if (auto d = a.get("--duration")) {
        e.duration_min = parse_int("--duration", *d, 0, kMaxMinutes);
        if (e.start.utc + std::int64_t{*e.duration_min} * 60 > ctx.now + 60)
            throw UsageError("--duration: the episode would end in the future (use --ongoing and 'numbness-diary-cli end ID' later)");
    }
    e.ongoing = a.has("--ongoing");

    e.regions = parse_regions(a.all("--region"));
    if (e.regions.empty())
        throw UsageError("--region is required: where was it? (e.g. --region left:toes --region both:sole; sides: " +
                         valid_ids<nd::Side>() + "; regions: " + valid_ids<nd::Region>() + ")");
    e.sensations = parse_ids<nd::Sensation>("--sensation", a.all("--sensation"));
    if (auto v = a.get("--numbness")) e.numbness = parse_int("--numbness", *v, 0, 10);
    if (auto v = a.get("--pain")) e.pain = parse_int("--pain", *v, 0, 10);
    e.activities = parse_ids<nd::Activity>("--activity", a.all("--activity"));
    e.reliefs = parse_ids<nd::Relief>("--relief", a.all("--relief"));
    if (auto v = a.get("--relief-after")) {
        if (e.reliefs.empty()) throw UsageError("--relief-after needs --relief (what eased it)");
        e.relief_after_min = parse_int("--relief-after", *v, 0, kMaxMinutes);
    }
    if (auto v = a.get("--onset")) e.onset = parse_id<nd::Onset>("--onset", *v);
    if (auto v = a.get("--spread-from")) e.spread_from = parse_id<nd::Region>("--spread-from", *v);
    if (auto v = a.get("--spread-to")) e.spread_to = parse_id<nd::Region>("--spread-to", *v);
    if (auto v = a.get("--spread-speed")) e.spread_speed = parse_id<nd::SpreadSpeed>("--spread-speed", *v);
    e.spread = a.has("--spread") || e.spread_from || e.spread_to || e.spread_speed != nd::SpreadSpeed::Unknown;
    e.signs = parse_ids<nd::Sign>("--sign", a.all("--sign"));
    if (auto v = a.get("--worse-at-night")) e.worse_at_night = parse_id<nd::TriState>("--worse-at-night", *v);
    if (auto v = a.get("--walking")) e.effect_walking = parse_int("--walking", *v, 0, 3);
    if (auto v = a.get("--sleep")) e.effect_sleep = parse_int("--sleep", *v, 0, 3);
    if (auto v = a.get("--work")) e.effect_work = parse_int("--work", *v, 0, 3);
    if (auto v = a.get("--note")) e.note = *v;
    nd::normalize(e);

    auto store = ctx.open_store();
    const auto stored = store->add_episode(e);
    std::cout << stored.id << "\n";
    // Judged against the diary: a familiar radiation logged before without signs is a
    // pattern, not an alarm; signs always warn (core/red_flags.hpp). Only the history the
    // rule reads is loaded (red_flags_store.cpp), not the whole diary.
    for (const auto& f : nd::red_flags_for(stored, *store)) print_red_flag_warning(f, std::cerr);
    return 0;
}

int run_end(const Args& a, Context& ctx) {
    auto store = ctx.open_store();
    auto e = find_episode(*store, a.positional[0]);
    if (e.deleted_utc) throw CliError("episode " + e.id + " is in the bin ('numbness-diary-cli undo " + e.id + "' first)");
    if (!e.ongoing) throw CliError("episode " + e.id + " is not still going (it has a duration: " + format_duration(e) + ")");
    if (auto d = a.get("--duration")) {
        e.duration_min = parse_int("--duration", *d, 0, kMaxMinutes);
        e.ongoing = false;
        e = store->update_episode(e);
    } else {
        e = store->end_episode(e.id);
    }
    std::cout << episode_line(e) << "\n";
    return 0;
}

}  // namespace

std::vector<Command> log_commands() {
    CommandSpec log{
        "log", "", "Log an episode of numbness or tingling",
        "Prints the new episode's id. Warning signs that need urgent care are printed on stderr.\n"
        "Lists take comma-separated ids and the flag may be repeated. Without --at or --ago the\n"
        "episode starts now. Times without an offset use this computer's UTC offset.\n"
        "Ids: sides " + valid_ids<nd::Side>() + "\n     regions " + valid_ids<nd::Region>() +
            "\n     sensations " + valid_ids<nd::Sensation>() + "\n     activities " + valid_ids<nd::Activity>() +
            "\n     reliefs " + valid_ids<nd::Relief>() + "\n     signs " + valid_ids<nd::Sign>(),
        {
            {"--at", "TIME", "when it began: 2026-01-05T08:30+01:00 or \"2026-01-05 08:30\""},
            {"--ago", "MIN", "it began MIN minutes ago"},
            {"--duration", "MIN", "how long it lasted, in minutes"},
            {"--ongoing", "", "it is still going (end it later with 'numbness-diary-cli end ID')"},
            {"--region", "SIDE:REGION", "where: left:toes, both:sole, middle:saddle_area", true},
            {"--sensation", "IDS", "what it felt like: numbness,tingling,burning,...", true},
            {"--numbness", "N", "how numb, 0 to 10"},
            {"--pain", "N", "how painful, 0 to 10"},
            {"--activity", "IDS", "what you were doing before: crossed_legs,walking,...", true},
            {"--relief", "IDS", "what eased it: moving,rest,...", true},
            {"--relief-after", "MIN", "how many minutes after that it eased"},
            {"--onset", "WHICH", "sudden, gradual or unknown"},
            {"--spread", "", "it spread (details with the next three flags)"},
            {"--spread-from", "REGION", "it spread from this region"},
            {"--spread-to", "REGION", "it spread to this region"},
            {"--spread-speed", "SPEED", "minutes, hours, days or weeks"},
            {"--sign", "IDS", "signs that came with it: leg_weakness,face_drooping,...", true},
            {"--worse-at-night", "WHICH", "yes, no or unknown"},
            {"--walking", "N", "effect on walking: 0 none, 1 a little, 2 a lot, 3 could not"},
            {"--sleep", "N", "effect on sleep, 0 to 3"},
            {"--work", "N", "effect on work, 0 to 3"},
            {"--note", "TEXT", "a free note"},
        },
        0, 0,
        {"numbness-diary-cli log --ago 20 --duration 5 --region left:top_of_foot --sensation numbness,tingling \\\n"
         "      --numbness 4 --activity crossed_legs --relief moving --relief-after 3 --onset sudden",
         "numbness-diary-cli log --at 2026-01-05T23:10+01:00 --duration 90 --region both:toes,both:sole \\\n"
         "      --sensation burning,tingling --numbness 3 --pain 4 --onset gradual --worse-at-night yes"},
    };
    CommandSpec end{"end", "ID", "End a \"still going\" episode (now, or after --duration)", "",
                    {{"--duration", "MIN", "how long it lasted in total, instead of until now"}}, 1, 1,
                    {"numbness-diary-cli end 3f2a", "numbness-diary-cli end 3f2a9c1e --duration 45"}};
    return {{log, run_log}, {end, run_end}};
}

}  // namespace ndcli
