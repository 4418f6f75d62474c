// Streaming exports and backups (issue #19): the FHIR bundle, the CSV and the
// backup written to a file as they are produced give the same bytes as the
// in-memory forms, through the atomic writer (no partial file on a failure).
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>   // getpid (glibc brings it in through other headers; Emscripten does not)

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "atomic_file.hpp"
#include "backup.hpp"
#include "catalog.hpp"
#include "csv_export.hpp"
#include "demo_diary.hpp"
#include "export_fixture.hpp"
#include "export_service.hpp"
#include "fhir_export.hpp"
#include "sample_diary.hpp"
#include "sha256_hex.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

using namespace nd;
namespace fs = std::filesystem;

namespace {

using nd::test::TempDir;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

using nd::test::sha256_hex;

// Counts the pieces a streaming writer hands over, and their largest size.
struct CountingSink : ByteSink {
    std::string all;
    std::size_t pieces = 0, largest = 0;
    void write(std::string_view b) override {
        ++pieces;
        largest = std::max(largest, b.size());
        all.append(b);
    }
};

// A sink that fails after `limit` bytes, like a full disk.
struct FailingSink : ByteSink {
    std::size_t limit, written = 0;
    explicit FailingSink(std::size_t l) : limit(l) {}
    void write(std::string_view b) override {
        written += b.size();
        if (written > limit) throw FileError("No space left on device");
    }
};

std::size_t count_files(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("The streamed FHIR bundle is byte for byte the in-memory one") {
    int large = 0;   // bundles big enough to need several buffers
    for (const Diary& d : {test::sample_diary(), test::export_diary(), make_demo_diary(2026, 1789992000)}) {
        for (bool pretty : {true, false}) {
            FhirOptions o;
            o.pretty = pretty;
            o.patient_uuid = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
            const std::string whole = diary_to_fhir_json(d, o);
            CountingSink sink;
            write_fhir_json(sink, d, o);
            CHECK(sink.all == whole);
            // Handed over a buffer (256 KiB) at a time, never as one piece the size of the bundle.
            if (whole.size() > 512 * 1024) {
                ++large;
                CHECK(sink.pieces > 1);
                CHECK(sink.largest <= 256 * 1024);
            }
        }
    }
    CHECK(large >= 1);   // the demo year's
}

TEST_CASE("The streamed episode CSV is byte for byte the format before streaming (golden digest)") {
    // The digests of the demo diary's CSV as `numbness-diary-cli export-csv` wrote it
    // before the export streamed (commit 375330d, `demo --now 2026-09-21T12:00:00+00:00`),
    // with and without the byte order mark.
    const Diary d = make_demo_diary(2026, 1789992000);
    CsvOptions o;
    o.labels = false;   // the columns of that time (labels and red flags came later)
    CHECK(sha256_hex(diary_to_csv(d, o)) == "a2a2c3a5067e5c248895b76370291e35b1719051c02a6a6550dd61df6a44efe1");
    o.bom = false;
    CHECK(sha256_hex(diary_to_csv(d, o)) == "257fbcdcc3fece98bc05e6aa5c1afc0b3ed2b159e46de52a3a5e06043973a4e6");

    CountingSink sink;
    write_episodes_csv(sink, d.episodes, o);
    CHECK(sink.all == diary_to_csv(d, o));
}

TEST_CASE("Exports written to a file are the bytes of the in-memory export, mode 0600") {
    TempDir dir;
    auto store = Store::open(dir.file("d.sqlite"));
    store->update_diary([](const Diary&) { return test::export_diary(); });
    const Catalog catalog;
    for (ExportKind kind : {ExportKind::Csv, ExportKind::Fhir}) {
        ExportSpec spec;
        spec.kind = kind;
        spec.questionnaires = std::vector<Questionnaire>{};
        const std::string path = dir.file(kind == ExportKind::Csv ? "e.csv" : "e.json");
        const ExportOutput streamed = export_to_file(*store, catalog, spec, path);
        const ExportOutput whole = build_export_output(*store, catalog, spec);
        CHECK(slurp(path) == whole.bytes);
        CHECK(streamed.episodes == whole.episodes);
        CHECK(streamed.bytes.empty());
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("An atomic file abandoned half way leaves no partial file and the old one intact") {
    TempDir dir;
    const std::string path = dir.file("out.json");
    write_file_atomic(path, "old content");
    {
        AtomicFile f(path);
        f.write(std::string(3 * 1024 * 1024, 'x'));   // more than its buffer (1 MiB): some is on disk
        CHECK(f.bytes_written() == 3 * 1024 * 1024);
        // destroyed without commit(): as when an export throws half way
    }
    CHECK(slurp(path) == "old content");
    CHECK(count_files(dir.dir) == 1);   // no temporary left

    // An export that fails while streaming (a full disk) changes nothing either.
    FailingSink full(1000);
    CHECK_THROWS_AS(write_fhir_json(full, make_demo_diary(2026, 1789992000)), FileError);
    {
        AtomicFile f(path);
        f.write("new");
        f.commit();
    }
    CHECK(slurp(path) == "new");
    CHECK(count_files(dir.dir) == 1);
}

TEST_CASE("A backup written to a file is the in-memory backup, and a large one restores and merges") {
    TempDir dir;
    // About 10 MB of backup: beyond what the streaming must handle in a unit test;
    // the 100k-episode figure (145 MB) is in tools/bench/commands.sh.
    Diary d = make_demo_diary(2026, 1789992000);
    const Diary demo = d;
    for (int copy = 1; copy < 40; ++copy)
        for (const Episode& e0 : demo.episodes) {
            Episode e = e0;
            e.id = derived_uuid("copy" + std::to_string(copy) + e0.id);
            e.start.utc -= std::int64_t{copy} * 366 * 86400;
            d.episodes.push_back(e);
        }
    const std::string path = dir.file("b.ndb");
    write_backup_file(path, d);
    const std::string bytes = slurp(path);
    CHECK(bytes == write_backup(d));
    CHECK(bytes.size() > 5u * 1024 * 1024);

    auto store = Store::open(dir.file("r.sqlite"));
    const RestoreResult r = restore_backup(*store, bytes, RestoreMode::Replace);
    CHECK(r.after.episodes.size() == d.episodes.size());
    CHECK(store->load_diary().episodes.size() == d.episodes.size());
    // Merging the same backup again changes nothing.
    const RestoreResult m = restore_backup(*store, bytes, RestoreMode::Merge);
    CHECK(m.after.episodes.size() == d.episodes.size());
    CHECK(m.before.episodes == m.after.episodes);
}
