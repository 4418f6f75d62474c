// `numbness-diary-cli export-fhir --compact` end to end (issue #19): the same
// bundle as the default indented file, without the layout, through the same
// atomic 0600 file or standard output, with the same messages.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "cli_runner.hpp"

using namespace nd::test;

namespace {

// rapidjson's own compact form of a JSON text, with the export's final newline.
std::string compact_form_of(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    doc.Accept(w);
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace

TEST_CASE("CLI export-fhir --compact writes the indented bundle's content without the layout") {
    if (!has_cli()) return;
    CliDir t("nd-cli-fhir-compact-");
    REQUIRE(t.nd("--db d.sqlite log --at 2026-01-05T20:30+01:00 --duration 6 --region left:toes "
                 "--sensation numbness,tingling --numbness 4 --activity crossed_legs --note 'Foot fell asleep, \"TV\"'")
                .code == 0);
    REQUIRE(t.nd("--db d.sqlite log --at 2026-01-07T23:00+01:00 --duration 120 --region both:sole "
                 "--sensation burning --numbness 3 --pain 5 --onset gradual --note 'Nachts, brennend\\tja'")
                .code == 0);

    const auto help = t.nd("export-fhir --help");
    CHECK(help.code == 0);
    CHECK(contains(help.out, "--compact"));

    REQUIRE(t.nd("--db d.sqlite export-fhir pretty.json").code == 0);
    const auto c = t.nd("--db d.sqlite export-fhir compact.json --compact");
    REQUIRE(c.code == 0);
    CHECK(contains(c.out, "Wrote a FHIR R4 bundle (1 Patient, 2 Observations)"));
    CHECK(contains(c.out, "not encrypted"));
    CHECK(mode_of(t.path("compact.json")) == 0600u);

    const std::string pretty = slurp(t.path("pretty.json"));
    const std::string compact = slurp(t.path("compact.json"));
    CHECK(contains(pretty, "\"resourceType\": \"Bundle\""));
    CHECK(compact.rfind("{\"resourceType\":\"Bundle\",", 0) == 0);
    CHECK(compact.find('\n') == compact.size() - 1);   // one line
    CHECK(compact.size() * 3 < pretty.size() * 2);   // about half the size (the indentation)
    // Byte for byte what rapidjson's compact Writer makes of the indented file (and so
    // of the same bundle): nothing is lost or changed but the layout.
    CHECK(compact == compact_form_of(pretty));

    // Standard output, and a period: the same bytes as the file of that period.
    const auto out = t.nd("--db d.sqlite export-fhir - --compact --from 2026-01-07");
    CHECK(out.code == 0);
    CHECK(contains(out.err, "not encrypted"));
    CHECK(contains(out.out, "Nachts, brennend\\\\tja"));   // the backslash escaped
    CHECK_FALSE(contains(out.out, "Foot fell asleep"));
    REQUIRE(t.nd("--db d.sqlite export-fhir period.json --from 2026-01-07").code == 0);
    CHECK(out.out == compact_form_of(slurp(t.path("period.json"))));

    // Like every export: never over an existing file without --force.
    CHECK(t.nd("--db d.sqlite export-fhir compact.json --compact").code == 1);
    CHECK(t.nd("--db d.sqlite export-fhir compact.json --compact --force").code == 0);
    CHECK(slurp(t.path("compact.json")) == compact);
}
