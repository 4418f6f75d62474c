// CompactJsonWriter (core/json_compact_writer.hpp) against rapidjson's own compact
// Writer, which it replaces in the FHIR export (issue #19): the same bytes for
// every byte value at every position of strings of every length around its
// eight-byte steps, for the fast paths (plain_string, plain_member) as for the
// general one, and for a whole document of every JSON type.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "json_compact_writer.hpp"

namespace {

// The output stream the writer needs, appending to a string.
struct StrOut {
    std::string s;
    void reserve(std::size_t) {}
    void put_unsafe(char c) { s += c; }
    void append_unsafe(const char* p, std::size_t n) { s.append(p, n); }
};

// An array holding v, then an object with v as its key and its value.
template <class W>
void write_sample(W& w, const std::string& v) {
    const auto n = static_cast<rapidjson::SizeType>(v.size());
    w.StartArray();
    w.String(v.data(), n);
    w.StartObject();
    w.Key(v.data(), n);
    w.String(v.data(), n);
    w.EndObject();
    w.EndArray();
}

std::string reference_string(const std::string& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    write_sample(w, v);
    return std::string(buf.GetString(), buf.GetSize());
}

bool needs_care(unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; }

}  // namespace

TEST_CASE("CompactJsonWriter writes rapidjson's bytes for every byte at every position", "[json]") {
    const unsigned char bytes[] = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, '"', '\\', '/',
                                   'A',  0x7F, 0x80, 0xC3, 0xFF};
    for (std::size_t len = 1; len <= 27; ++len) {
        for (std::size_t at = 0; at < len; ++at) {
            for (unsigned char b : bytes) {
                std::string v(len, 'x');
                v[at] = static_cast<char>(b);
                INFO("length " << len << ", byte " << int(b) << " at " << at);
                // The general path.
                StrOut out;
                nd::CompactJsonWriter<StrOut> w(out);
                write_sample(w, v);
                CHECK(out.s == reference_string(v));
                // The fast paths take exactly the strings that need no care.
                StrOut fast;
                nd::CompactJsonWriter<StrOut> f(fast);
                f.StartArray();
                const bool plain = f.plain_string(v.data(), v.size());
                CHECK(plain == !needs_care(b));
                if (!plain) {
                    CHECK(fast.s == "[");   // nothing written
                    continue;
                }
                f.StartObject();
                CHECK(f.plain_member(v, v));
                f.EndObject();
                f.EndArray();
                CHECK(fast.s == reference_string(v));
            }
        }
    }
}

TEST_CASE("CompactJsonWriter writes a whole document as rapidjson's Writer does", "[json]") {
    const char* json = R"({"a":[1,-2,3000000000,-9223372036854775807,18446744073709551615,0.5,1e300,-0.0,true,false,null],
        "b":{"":"","c d":"e\u0001\u001f\"\\/\u00e9\ud83e\udeb6","nested":[[],{},[{}]]},"n":12345678901234567890.0})";
    rapidjson::Document doc;
    doc.Parse(json);
    REQUIRE_FALSE(doc.HasParseError());
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> reference(buf);
    doc.Accept(reference);
    StrOut out;
    nd::CompactJsonWriter<StrOut> w(out);
    REQUIRE(doc.Accept(w));
    CHECK(out.s == std::string(buf.GetString(), buf.GetSize()));
}
