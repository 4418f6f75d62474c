// Issue #14's "the CSV export of the demo diary round-trips through import for every
// record kind", through the export service that the Export page and the CLI call
// (byte order mark, date range, the bin left out), not only the CSV functions:
// each record kind's file, read back by its import, gives the diary's live records.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "csv_export.hpp"
#include "csv_records.hpp"
#include "demo_diary.hpp"
#include "export_fixture.hpp"
#include "export_service.hpp"
#include "store.hpp"

namespace {

namespace fs = std::filesystem;

template <class T>
std::vector<T> live_only(std::vector<T> v) {
    std::erase_if(v, [](const T& x) { return x.deleted_utc.has_value(); });
    return v;
}

std::string csv_of(nd::Store& store, nd::CsvTable table) {
    nd::ExportSpec spec;
    spec.kind = nd::ExportKind::Csv;
    spec.csv_table = table;
    return nd::build_export_output(store, nd::Catalog{}, spec).bytes;
}

}  // namespace

TEST_CASE("The export service's CSV of the demo diary round-trips through import for every record kind",
          "[csv][records][export]") {
    const fs::path dir = fs::temp_directory_path() / ("nd-csv-rt-" + nd::new_uuid());
    fs::create_directories(dir);
    {
        nd::Diary demo = nd::make_demo_diary(7, nd::test::kDay0Utc + 200 * nd::test::kDaySeconds);
        // One record of each kind in the bin: never exported, so never re-imported.
        REQUIRE_FALSE(demo.episodes.empty());
        REQUIRE_FALSE(demo.checkins.empty());
        REQUIRE_FALSE(demo.medicines.empty());
        REQUIRE_FALSE(demo.facts.empty());
        const std::int64_t binned = nd::test::kDay0Utc + 201 * nd::test::kDaySeconds;
        demo.episodes.back().deleted_utc = binned;
        demo.checkins.back().deleted_utc = binned;
        demo.medicines.back().deleted_utc = binned;
        demo.facts.back().deleted_utc = binned;
        auto store = nd::Store::open((dir / "demo.db").string());
        store->replace_diary(demo);
        const nd::Diary d = store->load_diary();

        const std::string eps_csv = csv_of(*store, nd::CsvTable::Episodes);
        CHECK(eps_csv.rfind("\xEF\xBB\xBF", 0) == 0);   // a byte order mark, for spreadsheets
        const auto eps = nd::csv_to_episodes(eps_csv);
        REQUIRE(eps.ok());
        CHECK(eps.episodes.size() == live_only(d.episodes).size());
        CHECK(eps.episodes == live_only(d.episodes));

        const auto c = nd::csv_to_checkins(csv_of(*store, nd::CsvTable::CheckIns));
        REQUIRE(c.ok());
        CHECK(c.records == live_only(d.checkins));

        const auto m = nd::csv_to_medicines(csv_of(*store, nd::CsvTable::Medicines));
        REQUIRE(m.ok());
        CHECK(m.records == live_only(d.medicines));

        const auto b = nd::csv_to_background(csv_of(*store, nd::CsvTable::Background));
        REQUIRE(b.ok());
        CHECK(b.records == live_only(d.facts));
        CHECK(b.records.size() + 1 == d.facts.size());
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
}
