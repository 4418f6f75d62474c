// A pre-check for JSON text before rapidjson parses it with
// kParseFullPrecisionFlag (set project-wide in core/CMakeLists.txt).
//
// rapidjson 1.1.0 (Debian 12) sends a number whose digits are all zero but whose
// decimal exponent is outside -22..22 ("0e-30", "0.000...0" with 23+ zeros,
// "0e40") through DiyFp::Normalize with a zero significand: __builtin_clzll(0),
// undefined behaviour, and in practice a wrong value ("0e-30" loaded as a
// non-zero amount). The same happens when the significant digits start with
// 18446744073709551615 (2^64 - 1) and the next digit is 5 or more: rounding wraps
// the 64-bit significand to zero. And a number with hundreds of leading zeros
// after the point (0.000...0911) makes it index its power-of-ten table far out of
// bounds (GetCachedPower10). Found by tests/fuzz (fuzz_catalog). No writer of
// ours (nor any usual one) writes numbers like that: numbers with more than 40
// mantissa digits, and the two cases above, are refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nd::json_guard {

// Empty when fine; otherwise a sentence naming the offending number.
inline std::string number_problem(std::string_view s) {
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            continue;
        }
        if (!(c == '-' || (c >= '0' && c <= '9'))) continue;
        // A number token: mantissa digits, then an optional exponent.
        const std::size_t start = i;
        std::string significant;  // digits without leading zeros, the first 21
        bool all_zero = true;
        long frac_digits = 0;
        long digits = 0;
        bool in_frac = false;
        if (s[i] == '-') ++i;
        for (; i < s.size(); ++i) {
            const char d = s[i];
            if (d >= '0' && d <= '9') {
                ++digits;
                if (d != '0') all_zero = false;
                if (!all_zero && significant.size() < 21) significant += d;
                if (in_frac) ++frac_digits;
            } else if (d == '.' && !in_frac) {
                in_frac = true;
            } else {
                break;
            }
        }
        long exp = 0;
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            bool neg = false;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
            for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
                if (exp < 100000) exp = exp * 10 + (s[i] - '0');
            if (neg) exp = -exp;
        }
        const long p = exp - frac_digits;
        if (all_zero && (p < -22 || p > 22))
            return "the number " + std::string(s.substr(start, std::min<std::size_t>(i - start, 24))) +
                   (i - start > 24 ? "..." : "") + " is zero written in an unusual way; write it as 0";
        if (digits > 40)
            return "the number " + std::string(s.substr(start, 24)) + "... has " + std::to_string(digits) +
                   " digits, more than can be read exactly; shorten it";
        if (significant.size() == 21 && significant.compare(0, 20, "18446744073709551615") == 0 &&
            significant[20] >= '5')
            return "the number " + std::string(s.substr(start, std::min<std::size_t>(i - start, 24))) +
                   (i - start > 24 ? "..." : "") + " has more digits than can be read exactly; shorten it";
        if (i > start) --i;  // the loop's ++i moves to the character after the number
    }
    return {};
}

}  // namespace nd::json_guard
