// A compact JSON writer with rapidjson's Handler interface that writes the same
// bytes as rapidjson::Writer<Out, UTF8, UTF8, CrtAllocator, 0> (no flags): the
// same escapes (\" \\ \b \f \n \r \t, \u00XX with upper-case hex for the other
// control characters, nothing else escaped), numbers in the same decimal form,
// doubles through rapidjson's own dtoa. It is faster because it keeps no stack
// (one "a comma is due" flag is all compact JSON needs), and copies a run of
// characters that needs no escape with one memcpy instead of a character at a
// time through the escape table (issue #19: the FHIR bundle of 100k episodes is
// about 450 MB of JSON).
//
// Out: reserve(n) (room for n more characters), put_unsafe(c) and
// append_unsafe(p, n) (within the room reserved).
#pragma once

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/rapidjson.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nd {

template <class Out>
class CompactJsonWriter {
public:
    using Ch = char;
    using Stream = Out;
    explicit CompactJsonWriter(Out& out) : out_(out) {}

    bool Null() { return raw("null", 4); }
    bool Bool(bool b) { return b ? raw("true", 4) : raw("false", 5); }
    bool Int(int i) { return integer(static_cast<std::int64_t>(i)); }
    bool Uint(unsigned u) { return integer(static_cast<std::uint64_t>(u)); }
    bool Int64(std::int64_t i) { return integer(i); }
    bool Uint64(std::uint64_t u) { return integer(u); }
    bool Double(double d) {
        // As rapidjson's Writer without kWriteNanAndInfFlag: NaN and infinity fail.
        if (rapidjson::internal::Double(d).IsNanOrInf()) return false;
        char buf[25];
        const char* end = rapidjson::internal::dtoa(d, buf, 324);   // Writer's kDefaultMaxDecimalPlaces
        return raw(buf, static_cast<std::size_t>(end - buf));
    }
    bool RawNumber(const Ch* s, rapidjson::SizeType n, bool copy = false) { return String(s, n, copy); }
    bool String(const Ch* s, rapidjson::SizeType n, bool = false) {
        comma();
        write_string(s, n);
        due_ = true;
        return true;
    }
    bool String(const Ch* s) { return String(s, static_cast<rapidjson::SizeType>(std::strlen(s))); }
    // Writes the string and returns true when every byte is printable ASCII other
    // than '"' and '\\' (nothing to escape, nothing for the caller's UTF-8 check to
    // mend: nearly every string of the bundle); else writes nothing, returns false.
    bool plain_string(const Ch* s, std::size_t n) {
        if (!is_plain(s, n)) return false;
        comma();
        out_.reserve(n + 2);
        out_.put_unsafe('"');
        out_.append_unsafe(s, n);
        out_.put_unsafe('"');
        due_ = true;
        return true;
    }
    bool Key(const Ch* s, rapidjson::SizeType n, bool = false) {
        comma();
        write_string(s, n);
        out_.reserve(1);
        out_.put_unsafe(':');
        due_ = false;   // the value follows the colon
        return true;
    }
    bool Key(const Ch* s) { return Key(s, static_cast<rapidjson::SizeType>(std::strlen(s))); }
    // "key":"value" at once when neither needs an escape (plain_string); else
    // writes nothing and returns false.
    bool plain_member(std::string_view key, std::string_view value) {
        return is_plain(key.data(), key.size()) && trusted_key_member(key, value);
    }
    // The same as Key(), for a key the caller knows needs no escape (this
    // program's own literal keys): no check of its bytes.
    void trusted_key(std::string_view k) {
        out_.reserve(k.size() + 4);
        if (due_) out_.put_unsafe(',');
        out_.put_unsafe('"');
        out_.append_unsafe(k.data(), k.size());
        out_.append_unsafe("\":", 2);
        due_ = false;
    }
    // plain_member for a trusted key: only the value is checked.
    bool trusted_key_member(std::string_view key, std::string_view value) {
        if (!is_plain(value.data(), value.size())) return false;
        out_.reserve(key.size() + value.size() + 6);
        if (due_) out_.put_unsafe(',');
        out_.put_unsafe('"');
        out_.append_unsafe(key.data(), key.size());
        out_.append_unsafe("\":\"", 3);
        out_.append_unsafe(value.data(), value.size());
        out_.put_unsafe('"');
        due_ = true;
        return true;
    }
    // A run of JSON this writer wrote before, starting with a value or a member
    // (never a closing bracket): the comma it needs here, its bytes, and the
    // state it left (`due_after`: it ended with a complete value or member).
    void raw_run(std::string_view bytes, bool due_after) {
        out_.reserve(bytes.size() + 1);
        if (due_) out_.put_unsafe(',');
        out_.append_unsafe(bytes.data(), bytes.size());
        due_ = due_after;
    }
    // A string value in pieces: `json_prefix` as it goes between the quotes
    // (escapes already made: a constant), then b and c when neither needs an
    // escape (else nothing is written and false returned).
    bool plain_string_after(std::string_view json_prefix, std::string_view b, std::string_view c) {
        if (!is_plain(b.data(), b.size()) || !is_plain(c.data(), c.size())) return false;
        out_.reserve(json_prefix.size() + b.size() + c.size() + 3);
        if (due_) out_.put_unsafe(',');
        out_.put_unsafe('"');
        out_.append_unsafe(json_prefix.data(), json_prefix.size());
        out_.append_unsafe(b.data(), b.size());
        out_.append_unsafe(c.data(), c.size());
        out_.put_unsafe('"');
        due_ = true;
        return true;
    }
    bool due() const { return due_; }
    bool StartObject() { return open('{'); }
    bool EndObject(rapidjson::SizeType = 0) { return close('}'); }
    bool StartArray() { return open('['); }
    bool EndArray(rapidjson::SizeType = 0) { return close(']'); }

private:
    void comma() {
        if (due_) {
            out_.reserve(1);
            out_.put_unsafe(',');
        }
    }
    bool raw(const char* p, std::size_t n) {
        comma();
        out_.reserve(n);
        out_.append_unsafe(p, n);
        due_ = true;
        return true;
    }
    template <class I>
    bool integer(I v) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        return raw(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    bool open(char c) {
        comma();
        out_.reserve(1);
        out_.put_unsafe(c);
        due_ = false;
        return true;
    }
    bool close(char c) {
        out_.reserve(1);
        out_.put_unsafe(c);
        due_ = true;
        return true;
    }
    // True when one of the eight bytes at s is below 0x20, '"' or '\\' (exact for "any").
    static bool needs_escape8(const char* s) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
        std::uint64_t x;
        std::memcpy(&x, s, 8);
        const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
        return (((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh;
    }

    // No byte below 0x20, none from 0x80, no '"' and no '\\': eight bytes at a time
    // (the classic "has a byte less than n" bit tricks; exact for "any", which is
    // all that is asked).
    static bool is_plain(const char* s, std::size_t n) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
        const auto attention = [](std::uint64_t x) {
            const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
            return ((x - kOnes * 0x20) & ~x) | x | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
        };
        if (n >= 8) {
            // Whole words, then the last eight bytes (overlapping: "any" does not mind).
            std::uint64_t x;
            for (std::size_t i = 0; i + 8 <= n; i += 8) {
                std::memcpy(&x, s + i, 8);
                if (attention(x) & kHigh) return false;
            }
            std::memcpy(&x, s + n - 8, 8);
            return !(attention(x) & kHigh);
        }
        if (n >= 4) {   // two overlapping halves of one word
            std::uint32_t lo, hi;
            std::memcpy(&lo, s, 4);
            std::memcpy(&hi, s + n - 4, 4);
            return !(attention(lo | (std::uint64_t{hi} << 32)) & kHigh);
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
        }
        return true;
    }

    // "..." with rapidjson's escapes; a run without any is copied at once.
    void write_string(const char* s, std::size_t n) {
        if (is_plain(s, n)) {   // keys, codes, ids: nothing to escape
            out_.reserve(2 + n);
            out_.put_unsafe('"');
            out_.append_unsafe(s, n);
            out_.put_unsafe('"');
            return;
        }
        out_.reserve(2 + n * 6);   // the most an escaped string can take ("\u00XX" a byte)
        out_.put_unsafe('"');
        std::size_t from = 0;
        for (std::size_t i = 0; i < n; ++i) {
            // Eight bytes at a time past those that need no escape (a narrative's
            // XHTML has a few quotes in some 200 bytes).
            while (i + 8 <= n && !needs_escape8(s + i)) i += 8;
            if (i >= n) break;
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append_unsafe(s + from, i - from);
            from = i + 1;
            out_.put_unsafe('\\');
            switch (c) {
                case '"': out_.put_unsafe('"'); break;
                case '\\': out_.put_unsafe('\\'); break;
                case '\b': out_.put_unsafe('b'); break;
                case '\f': out_.put_unsafe('f'); break;
                case '\n': out_.put_unsafe('n'); break;
                case '\r': out_.put_unsafe('r'); break;
                case '\t': out_.put_unsafe('t'); break;
                default: {
                    static constexpr char kHex[] = "0123456789ABCDEF";
                    const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                    out_.append_unsafe(u, 5);
                }
            }
        }
        out_.append_unsafe(s + from, n - from);
        out_.put_unsafe('"');
    }

    Out& out_;
    bool due_ = false;   // a value or a closed container came last: the next one needs a comma
};

}  // namespace nd
