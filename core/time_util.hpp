// Time and date helpers on std::chrono's civil calendar (C++20). Every stored
// moment carries its own UTC offset (see LocalTime); the offset of a new moment
// comes from the C library's time-zone database (TZ, /etc/localtime; in the web
// build the browser's zone) for that very instant, never from today's offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"

namespace nd {

std::int64_t now_utc_seconds();

// The local calendar date of a moment, "YYYY-MM-DD".
LocalDate local_date(const LocalTime& t);
// The local calendar date of a moment as days since 1970-01-01 (the day number of
// local_date(t), without formatting it).
std::int64_t local_day_number(const LocalTime& t);
// Minutes since local midnight (0..1439).
int local_minute_of_day(const LocalTime& t);
// 0 = Monday .. 6 = Sunday, in local time.
int local_weekday(const LocalTime& t);

// "2026-11-26T08:30:00+01:00"
std::string format_iso8601(const LocalTime& t);
// Accepts "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" and "YYYY-MM-DD HH:MM" (then
// default_offset_min is used). Rejects impossible dates and times (2026-02-30, 25:00).
std::optional<LocalTime> parse_iso8601(std::string_view text, std::int32_t default_offset_min = 0);

// The UTC offset in minutes of the local time zone at the instant `utc`
// (localtime_r's tm_gmtoff: summer time counts when that instant is in summer).
std::int32_t local_offset_at(std::int64_t utc);
// The moment `utc` with the local zone's offset at that instant.
LocalTime local_time_at(std::int64_t utc);

// A wall-clock time in the local zone ("YYYY-MM-DD", hour, minute, second) as a
// moment with that instant's offset. When the clocks go back, a time that happens
// twice gives the earlier occurrence (still summer time); a time that does not exist
// (skipped when the clocks go forward) gives nullopt and `in_gap` true.
std::optional<LocalTime> resolve_local(std::string_view date, int hour, int minute, int second, bool* in_gap = nullptr);

// Like parse_iso8601, but a time written without an offset ("YYYY-MM-DD HH:MM",
// "YYYY-MM-DDTHH:MM[:SS]") is local time, resolved with resolve_local. On failure
// `error` says why (not a time; or a time skipped by the change to summer time).
std::optional<LocalTime> parse_local_time(std::string_view text, std::string& error);

// True for a real calendar date written "YYYY-MM-DD".
bool is_valid_date(std::string_view date);
// Days since 1970-01-01 of a valid date; nullopt otherwise.
std::optional<std::int64_t> days_since_epoch(std::string_view date);
// The date `days` after 1970-01-01.
LocalDate date_from_days(std::int64_t days);
// Start of that local date as UTC seconds, for a given offset.
std::int64_t local_midnight_utc(std::string_view date, std::int32_t offset_min);

// A new random UUID (version 4), lower-case with dashes.
std::string new_uuid();
bool is_uuid(std::string_view text);
// 16 bytes as a UUID, lower-case with dashes, with the version nibble set to
// `version` (4 random, 8 custom) and the RFC 4122 variant bits.
std::string uuid_from_bytes(const unsigned char (&bytes)[16], unsigned version);
// The same 36 characters written to `out` (no allocation; the FHIR export's ids).
void uuid_chars(const unsigned char (&bytes)[16], unsigned version, char* out);

}  // namespace nd
