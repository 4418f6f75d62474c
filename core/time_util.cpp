#include "time_util.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <iterator>
#include <random>

namespace nd {

namespace chr = std::chrono;

std::int64_t now_utc_seconds() {
    return chr::duration_cast<chr::seconds>(chr::system_clock::now().time_since_epoch()).count();
}

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t local_seconds(const LocalTime& t) { return t.utc + std::int64_t{t.offset_min} * 60; }

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

LocalDate date_from_days(std::int64_t days) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (y >= 0 && y <= 9999) {
        // By hand: snprintf costs more than the rest of a report's date handling.
        const char s[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                            static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                            '-',
                            static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                            '-',
                            static_cast<char>('0' + d / 10),        static_cast<char>('0' + d % 10)};
        return LocalDate(s, sizeof s);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

LocalDate local_date(const LocalTime& t) { return date_from_days(floor_div(local_seconds(t), 86400)); }

std::int64_t local_day_number(const LocalTime& t) { return floor_div(local_seconds(t), 86400); }

int local_minute_of_day(const LocalTime& t) {
    const auto s = local_seconds(t);
    return static_cast<int>((s - floor_div(s, 86400) * 86400) / 60);
}

int local_weekday(const LocalTime& t) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const auto days = floor_div(local_seconds(t), 86400);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string format_iso8601(const LocalTime& t) {
    const auto s = local_seconds(t);
    const auto days = floor_div(s, 86400);
    const auto sod = s - days * 86400;
    const int off = t.offset_min;
    const int aoff = off < 0 ? -off : off;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", date_from_days(days).c_str(),
                  static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60),
                  off < 0 ? '-' : '+', aoff / 60, aoff % 60);
    return buf;
}

std::optional<std::int64_t> days_since_epoch(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(date.substr(0, 4), y) || !parse_int(date.substr(5, 2), m) || !parse_int(date.substr(8, 2), d))
        return std::nullopt;
    const chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                                  chr::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1900) return std::nullopt;
    return chr::sys_days{ymd}.time_since_epoch().count();
}

bool is_valid_date(std::string_view date) { return days_since_epoch(date).has_value(); }

std::int64_t local_midnight_utc(std::string_view date, std::int32_t offset_min) {
    return days_since_epoch(date).value_or(0) * 86400 - std::int64_t{offset_min} * 60;
}

std::optional<LocalTime> parse_iso8601(std::string_view text, std::int32_t default_offset_min) {
    if (text.size() < 16) return std::nullopt;
    const auto days = days_since_epoch(text.substr(0, 10));
    if (!days || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!parse_int(text.substr(11, 2), hh) || !parse_int(text.substr(14, 2), mm)) return std::nullopt;
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (text.size() < pos + 3 || !parse_int(text.substr(pos + 1, 2), ss)) return std::nullopt;
        pos += 3;
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    std::int32_t offset = default_offset_min;
    const auto rest = text.substr(pos);
    if (rest == "Z") {
        offset = 0;
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
        int oh = 0, om = 0;
        if (!parse_int(rest.substr(1, 2), oh) || !parse_int(rest.substr(4, 2), om) || oh > 14 || om > 59)
            return std::nullopt;
        offset = (oh * 60 + om) * (rest[0] == '-' ? -1 : 1);
    } else if (!rest.empty()) {
        return std::nullopt;
    }
    LocalTime t;
    t.offset_min = offset;
    t.utc = *days * 86400 + hh * 3600 + mm * 60 + ss - std::int64_t{offset} * 60;
    return t;
}

std::int32_t local_offset_at(std::int64_t utc) {
    // localtime_r consults TZ (tzset) and the zone's rules for this instant.
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm local{};
    if (!::localtime_r(&t, &local)) return 0;
    return static_cast<std::int32_t>(local.tm_gmtoff / 60);
}

LocalTime local_time_at(std::int64_t utc) { return LocalTime{utc, local_offset_at(utc)}; }

std::optional<LocalTime> resolve_local(std::string_view date, int hour, int minute, int second, bool* in_gap) {
    if (in_gap) *in_gap = false;
    const auto days = days_since_epoch(date);
    if (!days || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
    // The wall-clock reading as if it were UTC. The instant is wall - offset for an
    // offset the zone really has at that instant. The candidates are the offsets in
    // force a day before and a day after (a zone changes at most once in two days),
    // each kept only when the zone agrees at the instant it gives.
    const std::int64_t wall = *days * 86400 + hour * 3600 + minute * 60 + second;
    std::optional<std::int64_t> best;
    for (const std::int64_t probe : {wall - 86400, wall, wall + 86400}) {
        const std::int32_t off = local_offset_at(probe);
        const std::int64_t utc = wall - std::int64_t{off} * 60;
        if (local_offset_at(utc) != off) continue;
        if (!best || utc < *best) best = utc;   // two readings of the clock: the earlier
    }
    if (!best) {
        if (in_gap) *in_gap = true;
        return std::nullopt;
    }
    return local_time_at(*best);
}

std::optional<LocalTime> parse_local_time(std::string_view text, std::string& error) {
    error.clear();
    const bool has_offset = text.size() > 16 && (text.back() == 'Z' || (text.size() >= 6 && text[text.size() - 3] == ':' &&
                                                                       (text[text.size() - 6] == '+' || text[text.size() - 6] == '-')));
    auto t = parse_iso8601(text, 0);
    if (!t) {
        error = "not a valid time";
        return std::nullopt;
    }
    if (has_offset) return t;
    // No offset written: read the clock time back (offset 0 above) and resolve it locally.
    const auto date = local_date(*t);
    const int mod = local_minute_of_day(*t);
    const int sec = static_cast<int>(((t->utc % 60) + 60) % 60);
    bool gap = false;
    auto local = resolve_local(date, mod / 60, mod % 60, sec, &gap);
    if (!local && gap)
        error = "does not exist in this time zone: the clocks were put forward that night (give a later time, or an "
                "offset such as +01:00)";
    else if (!local)
        error = "not a valid time";
    return local;
}

std::string new_uuid() {
    // std::random_device is the OS's entropy source on Linux and the browser's
    // crypto.getRandomValues under Emscripten, so core stays portable.
    static thread_local std::mt19937_64 gen{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    unsigned char b[16];
    for (int i = 0; i < 16; i += 8) {
        const auto r = gen();
        for (int k = 0; k < 8; ++k) b[i + k] = static_cast<unsigned char>(r >> (8 * k));
    }
    return uuid_from_bytes(b, 4);
}

std::string uuid_from_bytes(const unsigned char (&bytes)[16], unsigned version) {
    std::string out(36, '-');
    uuid_chars(bytes, version, out.data());
    return out;
}

void uuid_chars(const unsigned char (&bytes)[16], unsigned version, char* out) {
    unsigned char b[16];
    std::copy(std::begin(bytes), std::end(bytes), b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | ((version & 0x0F) << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    // "%02x" a byte with dashes after bytes 4, 6, 8 and 10; by hand, as snprintf
    // was a tenth of the FHIR export (several derived ids an episode, issue #19).
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t at = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[at++] = '-';
        out[at++] = kHex[b[i] >> 4];
        out[at++] = kHex[b[i] & 15];
    }
}

bool is_uuid(std::string_view t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

}  // namespace nd
