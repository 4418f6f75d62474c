#include <catch2/catch.hpp>
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "sample_diary.hpp"
#include "serialization.hpp"

using namespace nd;

namespace {

// Replaces the first occurrence of `from` in `s` (which must be there).
std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

// A rated severity is written as an optional: {"nullopt": false, "data": 7}. Replaces
// the first `"data": <value>` after `"<field>": {` with `"data": <to>`.
std::string replaced_rating(const std::string& s, const std::string& field, int value, const std::string& to) {
    const auto at = s.find("\"" + field + "\": {");
    REQUIRE(at != std::string::npos);
    const std::string from = "\"data\": " + std::to_string(value);
    const auto pos = s.find(from, at);
    REQUIRE(pos != std::string::npos);
    REQUIRE(pos - at < 80);   // inside that field's object
    return std::string(s).replace(pos, from.size(), "\"data\": " + to);
}

std::string import_error_json(std::string_view json) {
    try {
        (void)diary_from_json(json);
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("no ImportError for JSON input");
    return {};
}

std::string import_error_binary(const std::string& bytes) {
    try {
        (void)diary_from_binary(bytes);
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("no ImportError for binary input");
    return {};
}

std::string validate_error(const Diary& d) {
    try {
        validate(d);
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("validate() accepted an invalid diary");
    return {};
}

void put_u64_le(std::string& bytes, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

TEST_CASE("The sample diary sets every field and is valid") {
    const Diary d = test::sample_diary();
    REQUIRE_NOTHROW(validate(d));
    const auto& e = *std::find_if(d.episodes.begin(), d.episodes.end(), [](const Episode& x) { return !x.ongoing && !x.deleted_utc; });
    CHECK(e.duration_min);
    CHECK(e.relief_after_min);
    CHECK(e.spread_from);
    CHECK(e.spread_to);
    CHECK_FALSE(e.regions.empty());
    CHECK_FALSE(e.signs.empty());
    CHECK_FALSE(d.profile.name.empty());
    CHECK(d.tombstones.size() == 4);
    CHECK(std::any_of(d.facts.begin(), d.facts.end(), [](const BackgroundFact& f) { return f.amount.has_value(); }));
}

TEST_CASE("JSON backup round-trips every field") {
    const Diary d = test::sample_diary();
    const auto json = diary_to_json(d);
    CHECK(json.find("\"cereal_class_version\": 1") != std::string::npos);
    CHECK(json.find("\"crossed_legs\"") != std::string::npos);  // enums as their stable ids
    const Diary back = diary_from_json(json);
    CHECK(back == d);
    CHECK(diary_to_json(back) == json);
}

TEST_CASE("Binary backup round-trips every field") {
    const Diary d = test::sample_diary();
    const auto bytes = diary_to_binary(d);
    const Diary back = diary_from_binary(bytes);
    CHECK(back == d);
    CHECK(diary_to_binary(back) == bytes);
    CHECK(diary_from_binary(diary_to_binary(Diary{})) == Diary{});
    CHECK(diary_from_json(diary_to_json(Diary{})) == Diary{});
}

TEST_CASE("An unrated severity round-trips as unset, never as 0") {
    Diary d = test::sample_diary();
    REQUIRE(d.episodes.size() >= 2);
    d.episodes[1].numbness.reset();
    d.episodes[1].pain.reset();
    const auto json = diary_to_json(d);
    CHECK(json.find("\"nullopt\": true") != std::string::npos);
    const Diary back = diary_from_json(json);
    CHECK(back == d);
    CHECK_FALSE(back.episodes[1].numbness.has_value());
    CHECK_FALSE(back.episodes[1].pain.has_value());
    CHECK(back.episodes[0].numbness == d.episodes[0].numbness);
    const Diary back_bin = diary_from_binary(diary_to_binary(d));
    CHECK(back_bin == d);
    CHECK_FALSE(back_bin.episodes[1].numbness.has_value());
}

TEST_CASE("A backup of episode format 1 (severities as plain numbers) still loads") {
    const Diary d = test::sample_diary();
    std::string json = diary_to_json(d);
    // Rewrite the file as format 1 wrote it: the episode's class version 1 and every
    // {"nullopt": false, "data": N} severity as the bare number N.
    // The episode's version: the first one inside the episodes list (the diary and
    // the profile have class versions of their own).
    const std::string v2 = "\"cereal_class_version\": 2";
    const auto at = json.find(v2, json.find("\"episodes\""));
    REQUIRE(at != std::string::npos);
    json.replace(at, v2.size(), "\"cereal_class_version\": 1");
    int rewritten = 0;
    for (const char* field : {"\"numbness\": {", "\"pain\": {"}) {
        for (auto pos = json.find(field); pos != std::string::npos; pos = json.find(field, pos + 1)) {
            const auto open = json.find('{', pos);
            const auto close = json.find('}', open);
            const std::string obj = json.substr(open, close - open + 1);
            const auto data = obj.find("\"data\": ");
            REQUIRE(data != std::string::npos);
            std::string number = obj.substr(data + 8);
            number = number.substr(0, number.find_first_not_of("-0123456789"));
            json.replace(open, close - open + 1, number);
            ++rewritten;
        }
    }
    REQUIRE(rewritten == 2 * static_cast<int>(d.episodes.size()));
    CHECK(json.find("\"numbness\": 7") != std::string::npos);
    const Diary back = diary_from_json(json);
    CHECK(back == d);
}

TEST_CASE("Export is deterministic whatever the record order") {
    Diary a = test::sample_diary();
    Diary b = a;
    std::reverse(b.episodes.begin(), b.episodes.end());
    std::reverse(b.checkins.begin(), b.checkins.end());
    std::reverse(b.facts.begin(), b.facts.end());
    std::reverse(b.tombstones.begin(), b.tombstones.end());
    std::reverse(b.episodes[0].sensations.begin(), b.episodes[0].sensations.end());
    CHECK(diary_to_json(a) == diary_to_json(b));
    CHECK(diary_to_binary(a) == diary_to_binary(b));
    CHECK(diary_to_json(a) == diary_to_json(a));
}

TEST_CASE("Malformed JSON is an ImportError") {
    for (const char* bad : {"", "{", "not json", "[1,2]", "{\"diary\": 5}", "{\"diary\": {}}", "null",
                            "{\"other\": {\"cereal_class_version\": 1}}"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(diary_from_json(bad), ImportError);
    }
    const auto json = diary_to_json(test::sample_diary());
    CHECK_THROWS_AS(diary_from_json(json + "garbage"), ImportError);
    CHECK_THROWS_AS(diary_from_json(json.substr(0, json.size() / 2)), ImportError);
}

TEST_CASE("Wrong JSON value types are an ImportError") {
    const auto json = diary_to_json(test::sample_diary());
    CHECK_THROWS_AS(diary_from_json(replaced_rating(json, "numbness", 7, "\"7\"")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced_rating(json, "numbness", 7, "7.5")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"ongoing\": false", "\"ongoing\": 0")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"utc\": 1767340800", "\"utc\": 1e300")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"sensations\": [", "\"sensations\": {")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced_rating(json, "numbness", 7, "99999999999")), ImportError);
}

TEST_CASE("Unknown vocabulary ids are an ImportError") {
    const auto json = diary_to_json(test::sample_diary());
    const auto msg = import_error_json(replaced(json, "\"crossed_legs\"", "\"crossed_legz\""));
    CHECK(msg.find("crossed_legz") != std::string::npos);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"side\": \"left\"", "\"side\": 0")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"onset\": \"gradual\"", "\"onset\": \"\"")), ImportError);
}

TEST_CASE("Out-of-range severities and effects are an ImportError naming the field") {
    const auto json = diary_to_json(test::sample_diary());
    auto msg = import_error_json(replaced_rating(json, "numbness", 7, "11"));
    CHECK(msg.find("episode 0a000001-1111-4111-8111-000000000003") != std::string::npos);
    CHECK(msg.find("numbness") != std::string::npos);
    msg = import_error_json(replaced_rating(json, "pain", 3, "-1"));
    CHECK(msg.find("pain") != std::string::npos);
    msg = import_error_json(replaced(json, "\"effect_work\": 3", "\"effect_work\": 4"));
    CHECK(msg.find("effect_work") != std::string::npos);
    msg = import_error_json(replaced(json, "\"offset_min\": -840", "\"offset_min\": -900"));
    CHECK(msg.find("offset_min") != std::string::npos);
}

TEST_CASE("Impossible dates are an ImportError") {
    const auto json = diary_to_json(test::sample_diary());
    auto msg = import_error_json(replaced(json, "\"2026-01-05\"", "\"2026-02-30\""));
    CHECK(msg.find("check-in") != std::string::npos);
    CHECK(msg.find("date") != std::string::npos);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"1968-04-30\"", "\"30/04/1968\"")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"2019-06-01\"", "\"2019-13-01\"")), ImportError);
}

TEST_CASE("Invalid UTF-8 is an ImportError in JSON and binary") {
    const auto json = diary_to_json(test::sample_diary());
    auto msg = import_error_json(replaced(json, "\"binned\"", "\"bin\xff\xfe\""));
    CHECK(msg.find("note") != std::string::npos);
    CHECK(msg.find("UTF-8") != std::string::npos);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"binned\"", "\"\xed\xa0\x80\"")), ImportError);  // surrogate
    CHECK_THROWS_AS(diary_from_json(replaced(json, "\"binned\"", "\"\xc0\xaf\"")), ImportError);      // overlong

    Diary d = test::sample_diary();
    d.medicines[0].name = "B12\xc3";
    CHECK(import_error_binary(diary_to_binary(d)).find("name") != std::string::npos);

    CHECK(is_valid_utf8("plain, \u00e9\u4e2d\U0001F9B6"));
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("Huge declared binary lengths are an ImportError, not an allocation") {
    Diary d;  // empty profile: layout is endianness(1) diary v(4) profile v(4) name(8) birth(8) updated(8)
    std::string bytes = diary_to_binary(d);
    constexpr std::size_t kEpisodeCount = 1 + 4 + 4 + 8 + 8 + 8;
    REQUIRE(bytes.size() > kEpisodeCount + 8);
    REQUIRE(std::all_of(bytes.begin() + kEpisodeCount, bytes.begin() + kEpisodeCount + 8, [](char c) { return c == 0; }));
    std::string huge_vector = bytes;
    put_u64_le(huge_vector, kEpisodeCount, 0x00FFFFFFFFFFFFFFull);
    CHECK(import_error_binary(huge_vector).find("declared length") != std::string::npos);
    std::string many_vector = bytes;
    put_u64_le(many_vector, kEpisodeCount, 10'000'000);
    CHECK_THROWS_AS(diary_from_binary(many_vector), ImportError);

    std::string huge_string = bytes;
    put_u64_le(huge_string, 1 + 4 + 4, ~0ull);  // profile name length
    CHECK(import_error_binary(huge_string).find("declared length") != std::string::npos);
}

TEST_CASE("Damaged binary backups are refused, never half-read") {
    const auto bytes = diary_to_binary(test::sample_diary());
    CHECK_THROWS_AS(diary_from_binary(""), ImportError);
    for (std::size_t n = 0; n < bytes.size(); n += 7) {
        CAPTURE(n);
        CHECK_THROWS_AS(diary_from_binary(bytes.substr(0, n)), ImportError);
    }
    CHECK_THROWS_AS(diary_from_binary(bytes + "x"), ImportError);
    // Every single-byte corruption either still decodes to a valid diary or is refused cleanly.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string bad = bytes;
        bad[i] = static_cast<char>(bad[i] ^ 0xA5);
        try {
            validate(diary_from_binary(bad));
        } catch (const ImportError&) {
        }
    }
}

TEST_CASE("Deeply nested JSON is an ImportError, not a crash") {
    std::string deep = "{\"diary\": ";
    deep += std::string(300000, '[');
    CHECK_THROWS_AS(diary_from_json(deep), ImportError);
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    CHECK_THROWS_AS(diary_from_json(objects), ImportError);
}

TEST_CASE("Oversized backups are refused before parsing") {
    // 1 GiB + 1 of address space, never touched (so never paid for): the size
    // alone must refuse it, before a byte is read.
    const std::size_t n = kMaxImportBytes + 1;
    void* p = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    REQUIRE(p != MAP_FAILED);
    const std::string_view big(static_cast<const char*>(p), n);
    CHECK(import_error_json(big).find("1 GiB") != std::string::npos);
    CHECK_THROWS_AS(diary_from_binary(big), ImportError);
    ::munmap(p, n);
}

TEST_CASE("NaN and infinite amounts are rejected") {
    const auto json = diary_to_json(test::sample_diary());
    CHECK_THROWS_AS(diary_from_json(replaced(json, "7.25", "NaN")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "7.25", "Infinity")), ImportError);
    CHECK_THROWS_AS(diary_from_json(replaced(json, "7.25", "-1.0")), ImportError);
    Diary d = test::sample_diary();
    for (double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
        for (auto& f : d.facts)
            if (f.amount) f.amount = bad;
        CHECK(import_error_binary(diary_to_binary(d)).find("amount") != std::string::npos);
    }
}

TEST_CASE("A newer class version is refused with a clear message") {
    const auto json = diary_to_json(test::sample_diary());
    const auto msg = import_error_json(replaced(json, "\"cereal_class_version\": 1", "\"cereal_class_version\": 2"));
    CHECK(msg.find("newer version") != std::string::npos);
}

TEST_CASE("Validation names the record and the field") {
    const Diary good = test::sample_diary();
    Diary d = good;
    d.episodes[0].id = "episode-1";
    CHECK(validate_error(d).find("id is not a UUID") != std::string::npos);

    d = good;
    d.facts[1].id = d.episodes[0].id;
    CHECK(validate_error(d).find("more than one record") != std::string::npos);

    d = good;
    d.tombstones[0].id = d.medicines[0].id;
    CHECK(validate_error(d).find("more than one record") != std::string::npos);

    d = good;
    d.checkins[1].date = d.checkins[0].date;
    CHECK(validate_error(d).find("second check-in") != std::string::npos);

    d = good;
    for (auto& e : d.episodes)
        if (e.ongoing) e.duration_min = 5;
    CHECK(validate_error(d).find("still going") != std::string::npos);

    d = good;
    d.episodes[0].duration_min = -1;
    CHECK(validate_error(d).find("duration_min") != std::string::npos);

    d = good;
    d.episodes[0].start.utc = 7258118400 + 1;  // 2200
    CHECK(validate_error(d).find("start") != std::string::npos);

    d = good;
    d.episodes[0].start.utc = -2208988800 - 1;  // 1899
    CHECK(validate_error(d).find("start") != std::string::npos);

    d = good;
    d.tombstones[0].kind = "photo";
    CHECK(validate_error(d).find("kind") != std::string::npos);

    d = good;
    d.episodes[0].onset = static_cast<Onset>(42);
    CHECK(validate_error(d).find("onset") != std::string::npos);

    d = good;
    d.profile.birth_date = "1968-02-30";
    CHECK(validate_error(d).find("profile: birth_date") != std::string::npos);
}

TEST_CASE("Damaged JSON backups are refused or still valid, never a crash") {
    const auto json = diary_to_json(test::sample_diary());
    for (std::size_t i = 0; i < json.size(); i += 3) {
        for (char c : {'"', '}', '9', '\xff'}) {
            std::string bad = json;
            bad[i] = c;
            try {
                validate(diary_from_json(bad));
            } catch (const ImportError&) {
            }
        }
    }
    CHECK_THROWS_AS(diary_from_json(json.substr(0, json.size() - 3)), ImportError);
}
