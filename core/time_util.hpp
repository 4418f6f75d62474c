// Time and date helpers on std::chrono's civil calendar (C++20). No time-zone
// database is needed: every moment carries its own UTC offset (see LocalTime).
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

}  // namespace nd
