// Layout: the phone size shows one body view at a time and a bottom tab bar with
// touch-sized targets; the body map's hit areas never overlap; a diary file that
// cannot be opened gives a full-page message and is left untouched.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "enum_names.hpp"
#include "icons.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {
bool overlap(const RegionHit& a, const RegionHit& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
void check_no_overlap(const std::vector<RegionHit>& hits) {
    for (std::size_t i = 0; i < hits.size(); ++i)
        for (std::size_t j = i + 1; j < hits.size(); ++j) {
            INFO(describe(hits[i].mark) << " and " << describe(hits[j].mark));
            CHECK_FALSE(overlap(hits[i], hits[j]));
        }
}
}  // namespace

TEST_CASE("Phone size shows one body view at a time with a bottom tab bar", "[app][layout]") {
    Ui ui(390, 3600);
    REQUIRE(ui.state().narrow);
    CHECK(ui.has("tab:log"));
    CHECK(ui.has("tab:diary"));
    CHECK_FALSE(ui.has("nav:log"));
    // The feet first (most episodes are there): the front is not on screen until chosen.
    CHECK(ui.has_region({Region::Sole, Side::Left}));
    CHECK_FALSE(ui.has_region({Region::Shin, Side::Left}));
    ui.click("bodyview:Front");
    CHECK(ui.has_region({Region::Shin, Side::Left}));
    CHECK_FALSE(ui.has_region({Region::Sole, Side::Left}));
    ui.click("bodyview:Soles");
    REQUIRE(ui.has_region({Region::Sole, Side::Left}));
    ui.tap_region({Region::Sole, Side::Left});
    ui.click(ND_ICON_CHECK "  Save");
    REQUIRE(ui.store().episodes().size() == 1);
    CHECK(ui.store().episodes().front().regions == std::vector<RegionMark>{{Region::Sole, Side::Left}});

    // Touch targets of at least 44 px.
    for (const char* key : {"tab:log", "tab:diary", "tab:more", "bodyview:Front"}) {
        const ItemRect r = ui.state().items.at(key);
        INFO(key);
        CHECK(r.y1 - r.y0 >= 44.0f);
    }
    ui.click("tab:diary");
    CHECK(ui.state().page == Page::Diary);
}

TEST_CASE("Wide window shows the side navigation and all three body views", "[app][layout]") {
    Ui ui(1280, 3600);
    CHECK(ui.has("nav:log"));
    CHECK_FALSE(ui.has("tab:log"));
    CHECK(ui.has_region({Region::ThighFront, Side::Right}));
    CHECK(ui.has_region({Region::Buttock, Side::Left}));
    CHECK(ui.has_region({Region::Sole, Side::Right}));
    ui.click("nav:causes");
    CHECK(ui.state().page == Page::Causes);
}

TEST_CASE("Body map hit areas never overlap and every leg and foot region is reachable", "[app][layout]") {
    for (float width : {1280.0f, 390.0f}) {
        Ui ui(width, 3600);
        std::vector<RegionHit> all;
        for (const char* view : {"Front", "Back", "Soles"}) {
            if (ui.state().narrow) ui.click(std::string("bodyview:") + view);
            check_no_overlap(ui.pages().body_map.hits);
            all.insert(all.end(), ui.pages().body_map.hits.begin(), ui.pages().body_map.hits.end());
            if (!ui.state().narrow) break;   // all three views are drawn at once
        }
        for (Region r : {Region::Toes, Region::Sole, Region::TopOfFoot, Region::Heel, Region::InnerAnkle,
                         Region::Ankle, Region::Shin, Region::Calf, Region::Knee, Region::ThighFront,
                         Region::ThighBack, Region::Hip, Region::Buttock, Region::SaddleArea, Region::LowerBack}) {
            INFO(enum_id(r) << " at width " << width);
            CHECK(std::any_of(all.begin(), all.end(), [&](const RegionHit& h) { return h.mark.region == r; }));
        }
    }
}

TEST_CASE("First run offers logging and states that it does not diagnose", "[app][firstrun]") {
    Ui ui(390, 2400, false);
    REQUIRE(ui.state().page == Page::FirstRun);
    ui.click(ND_ICON_PENCIL "  Start logging");
    CHECK(ui.state().page == Page::Log);
    CHECK(ui.store().setting("ui.first_run_done") == std::optional<std::string>("1"));
}

TEST_CASE("A file that is not a diary gives a full-page message and is left untouched", "[app][open]") {
    const auto path = std::filesystem::temp_directory_path() / "nd_app_test_not_a_diary.sqlite";
    const std::string garbage = "this is not a diary, just some text that must survive";
    { std::ofstream(path, std::ios::binary) << garbage; }
    {
        Ui ui;
        ui.app->open_diary(path.string());
        ui.settle();
        CHECK_FALSE(ui.state().open_error.empty());
        CHECK(ui.state().open_error_path == path.string());
        CHECK(ui.state().store == nullptr);
        CHECK_FALSE(ui.has(ND_ICON_CHECK "  Save"));
        CHECK(ui.has(ND_ICON_CLIPBOARD " Copy the path"));
        ui.click(ND_ICON_CLIPBOARD " Copy the path");
        CHECK(ui.services.clipboard == path.string());
    }
    std::ifstream in(path, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == garbage);
    std::filesystem::remove(path);
}
