// The episode CSV's human labels and red-flag column (issue #14 leftover), the
// import of files written before them, and the streaming reader (issue #17).
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "csv_export.hpp"
#include "export_fixture.hpp"

using namespace nd;

namespace {

// A plain RFC 4180 reader for the test (quoted fields, "" inside, CRLF), so the
// checks look at real cells, not substrings of a line.
std::vector<std::vector<std::string>> records(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::vector<std::string>> out(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.back().push_back(field), field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            out.back().push_back(field), field.clear();
            out.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// Cell `column` of the row whose id is `id`.
std::string cell(const std::vector<std::vector<std::string>>& rows, const std::string& id, const std::string& column) {
    const auto& header = rows.at(0);
    std::size_t col = header.size(), id_col = header.size();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == column) col = i;
        if (header[i] == "id") id_col = i;
    }
    REQUIRE(col < header.size());
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (rows[r].at(id_col) == id) return rows[r].at(col);
    FAIL("no row " << id);
    return {};
}

CsvImportOptions import_options() {
    CsvImportOptions o;
    o.now_utc = test::kDay0Utc;
    return o;
}

}  // namespace

TEST_CASE("Episode CSV: labels beside the codes, in the header's order") {
    const Diary d = test::export_diary();
    const auto rows = records(diary_to_csv(d));
    const auto& header = rows.at(0);
    auto at = [&](const char* name) { return std::find(header.begin(), header.end(), name) - header.begin(); };
    // Each label column follows the column it explains.
    CHECK(at("regions_label") == at("regions") + 1);
    CHECK(at("sensations_label") == at("sensations") + 1);
    CHECK(at("activities_label") == at("activities") + 1);
    CHECK(at("reliefs_label") == at("reliefs") + 1);
    CHECK(at("signs_label") == at("signs") + 1);
    CHECK(at("red_flags") == at("signs_label") + 1);
    CHECK(header.size() == std::size(kCsvColumns) + std::size(kCsvDerivedColumns));

    const std::string e1 = d.episodes[0].id;   // left toes + left sole, numb + tingling, crossed legs
    CHECK(cell(rows, e1, "regions") == "left:toes;left:sole");
    CHECK(cell(rows, e1, "regions_label") == "Left toes; Left sole of the foot");
    CHECK(cell(rows, e1, "sensations_label") == "Numbness; Tingling, pins and needles");
    CHECK(!cell(rows, e1, "activities_label").empty());
    CHECK(cell(rows, e1, "activities_label").find(';') == std::string::npos);   // one activity
}

TEST_CASE("Episode CSV: the red-flag column names the reasons, and a foot that fell asleep has none") {
    // The seed and docs/clinical.md: numbness of the saddle area with loss of
    // bladder or bowel control is an emergency sign (cauda equina), always
    // flagged; a foot gone numb after crossed legs is never a red flag.
    const Diary d = test::export_diary();
    const auto rows = records(diary_to_csv(d));
    const std::string e5 = d.episodes[5].id;   // saddle area, bladder/bowel loss
    const std::string flag = cell(rows, e5, "red_flags");
    CHECK(flag.find("bladder") != std::string::npos);
    CHECK(flag.find("saddle area") != std::string::npos);
    CHECK(cell(rows, e5, "signs_label") == "Loss of bladder or bowel control");
    CHECK(cell(rows, d.episodes[0].id, "red_flags").empty());   // crossed legs at the cinema
    CHECK(cell(rows, d.episodes[1].id, "red_flags").empty());
}

TEST_CASE("Episode CSV import: files from before the labels, and edited labels, read the same") {
    const Diary d = test::export_diary();
    CsvOptions plain;
    plain.labels = false;
    const CsvImportResult with_labels = csv_to_episodes(diary_to_csv(d), import_options());
    const CsvImportResult old_format = csv_to_episodes(diary_to_csv(d, plain), import_options());
    REQUIRE(with_labels.ok());
    REQUIRE(old_format.ok());
    CHECK(with_labels.episodes == old_format.episodes);
    CHECK(with_labels.episodes.size() == 5);   // the binned one is not exported

    // A file as the export wrote it before the derived columns existed (its exact header).
    const std::string old_file =
        "\xEF\xBB\xBFid,start,duration_min,ongoing,regions,sensations,numbness,pain,activities,reliefs,relief_after_min,"
        "onset,spread,spread_from,spread_to,spread_speed,signs,worse_at_night,effect_walking,effect_sleep,effect_work,"
        "note,created,updated\r\n"
        "0b7c1e2a-1111-4111-8111-000000000001,2026-03-01T08:30:00+01:00,20,no,left:toes,numbness,4,,crossed_legs,"
        "moving,5,gradual,no,,,unknown,,unknown,0,0,0,\"Cinema, again\",2026-03-01T07:50:00+00:00,"
        "2026-03-01T07:50:00+00:00\r\n";
    const CsvImportResult r = csv_to_episodes(old_file, import_options());
    INFO(format_problems(r));
    REQUIRE(r.ok());
    REQUIRE(r.episodes.size() == 1);
    CHECK(r.episodes[0].note == "Cinema, again");
    CHECK(r.episodes[0].regions.size() == 1);

    // The derived columns are for people: an edited label never changes what is read.
    std::string edited = diary_to_csv(d);
    const auto at = edited.find("Left toes; Left sole of the foot");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 9, "Right ear");
    const CsvImportResult e = csv_to_episodes(edited, import_options());
    REQUIRE(e.ok());
    CHECK(e.episodes == with_labels.episodes);
}

TEST_CASE("Streaming CSV reader: pieces split anywhere read as the whole file") {
    const std::string csv = diary_to_csv(test::export_diary());
    const CsvImportResult whole = csv_to_episodes(csv, import_options());
    REQUIRE(whole.ok());
    for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}}) {
        std::vector<Episode> got;
        CsvEpisodeReader reader(import_options(), [&](Episode&& e, bool) -> std::string {
            got.push_back(std::move(e));
            return {};
        });
        for (std::size_t i = 0; i < csv.size(); i += piece) reader.feed(std::string_view(csv).substr(i, piece));
        reader.finish();
        INFO("piece " << piece << ": " << format_problems(reader.result()));
        REQUIRE(reader.result().ok());
        std::sort(got.begin(), got.end(), [](const Episode& a, const Episode& b) {
            return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
        });
        CHECK(got == whole.episodes);
    }
}

TEST_CASE("Streaming CSV reader: errors are capped and reading stops, and a row with a problem is never handed over") {
    CsvImportOptions o = import_options();
    o.max_errors = 5;
    std::size_t handed = 0;
    CsvEpisodeReader reader(o, [&](Episode&&, bool) -> std::string {
        ++handed;
        return {};
    });
    reader.feed("start,numbness\n2026-03-01 08:00,3\n");
    for (int i = 0; i < 1000 && !reader.stopped(); ++i) reader.feed("2026-03-01 08:00,12\n");
    reader.finish();
    CHECK(reader.stopped());
    CHECK(reader.result().truncated);
    CHECK(reader.result().problems.size() == 5);
    CHECK(handed == 1);   // only the good first row

    // A field with no end (a missing closing quote over a huge file) is refused, not kept.
    CsvEpisodeReader endless(import_options(), [](Episode&&, bool) { return std::string(); });
    endless.feed("start,note\n2026-03-01 08:00,\"");
    const std::string block(64 * 1024, 'x');
    for (int i = 0; i < 40; ++i) endless.feed(block);   // 2.5 MB in one field
    endless.feed("\"\n");
    endless.finish();
    REQUIRE(!endless.result().ok());
    CHECK(format_problems(endless.result()).find("longer than") != std::string::npos);
}
