// Deterministic content shared by the crash child (crash_child.cpp) and the tests
// that check what survived: episode number i always has the same fields, so a
// reopened diary can be compared with what must be there, field by field.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "model.hpp"
#include "store.hpp"

namespace ndrel {

// The store clock during reliability runs: every created/updated/deleted time is this.
inline constexpr std::int64_t kClock = 1767600000;  // 2026-01-05T08:00:00Z

inline std::string episode_id(std::uint64_t i) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0a0b0c0d-0000-4000-8000-%012llu", static_cast<unsigned long long>(i));
    return buf;
}

// Parses an id made by episode_id; -1 for any other id.
inline long long episode_index(const std::string& id) {
    if (id.size() != 36 || id.compare(0, 24, "0a0b0c0d-0000-4000-8000-") != 0) return -1;
    return std::stoll(id.substr(24));
}

// Episode i: every field a function of i. Notes vary in length (0..~6000 bytes) so
// some rows spill into overflow pages.
inline nd::Episode make_episode(std::uint64_t i) {
    using namespace nd;
    Episode e;
    e.id = episode_id(i);
    e.start = {1735689600 + static_cast<std::int64_t>(i) * 3607, static_cast<std::int32_t>((i % 5) * 60) - 120};
    e.ongoing = i % 9 == 0;
    if (!e.ongoing) e.duration_min = static_cast<std::int32_t>(1 + i % 240);
    e.regions = {{static_cast<Region>(i % 16), static_cast<Side>(i % 3)}};
    if (i % 4 == 0) e.regions.push_back({Region::Calf, Side::Left});
    e.sensations = {static_cast<Sensation>(i % 7)};
    e.numbness = static_cast<int>(i % 11);
    e.pain = static_cast<int>((i * 7) % 11);
    if (i % 3 == 0) e.activities = {static_cast<Activity>(i % 11)};
    if (i % 2 == 0) {
        e.reliefs = {static_cast<Relief>(i % 6)};
        e.relief_after_min = static_cast<std::int32_t>(i % 30);
    }
    e.onset = static_cast<Onset>(i % 3);
    e.spread_speed = static_cast<SpreadSpeed>(i % 5);
    e.worse_at_night = static_cast<TriState>(i % 3);
    e.effect_walking = static_cast<int>(i % 4);
    e.effect_sleep = static_cast<int>((i / 4) % 4);
    e.effect_work = static_cast<int>((i / 16) % 4);
    const std::string word = "episode " + std::to_string(i) + " \u00e9\u4e2d ";
    const std::size_t len = (i * 1237) % 6000;
    while (e.note.size() < len) e.note += word;
    e.note += "#end-" + std::to_string(i);
    return e;
}

// Check-in number k (one per date: k picks the date; putting it again replaces it).
inline nd::CheckIn make_checkin(unsigned k) {
    nd::CheckIn c;
    char date[32];
    std::snprintf(date, sizeof date, "2025-%02u-%02u", 1 + k % 12, 1 + (k / 12) % 28);
    c.id = episode_id(900000 + k % 336);  // the same date always has the same id
    c.date = date;
    c.symptoms = {static_cast<nd::GeneralSymptom>(k % 7)};
    c.no_numbness = k % 2 == 0;
    c.note = "check-in " + std::to_string(k);
    return c;
}

// The two contents the write_file_atomic crash run swaps between.
inline std::string file_content(int which) {
    std::string s;
    const std::string line = which == 0 ? "old export line, first version\n" : "NEW export line, second version!!\n";
    const std::size_t n = which == 0 ? 300000 : 200000;
    while (s.size() < n) s += line;
    return s;
}

// The two diaries the import runs swap between (replace_diary): 12 * scale and
// 17 * scale episodes, 20 check-ins.
inline nd::Diary import_diary(int which, int scale = 10) {
    nd::Diary d;
    const std::uint64_t base = which == 0 ? 100000 : 200000;
    const int n = which == 0 ? 12 * scale : 17 * scale;
    d.profile = {which == 0 ? "Import A" : "Import B", which == 0 ? "1970-01-01" : "1980-12-31", kClock};
    for (int k = 0; k < n; ++k) {
        nd::Episode e = make_episode(base + static_cast<std::uint64_t>(k));
        e.created_utc = e.updated_utc = kClock;
        d.episodes.push_back(e);
    }
    for (int k = 0; k < 20; ++k) {
        char date[32];
        std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + k % 12, 1 + k + which);
        nd::CheckIn c;
        c.id = episode_id(base + 50000 + static_cast<std::uint64_t>(k));
        c.date = date;
        c.no_numbness = (k + which) % 2 == 0;
        c.note = "check-in " + std::to_string(k) + (which ? " B" : " A");
        c.created_utc = c.updated_utc = kClock;
        d.checkins.push_back(c);
    }
    nd::normalize(d);
    return d;
}

}  // namespace ndrel
