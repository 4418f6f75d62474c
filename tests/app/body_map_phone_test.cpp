// The Log page's body map on a phone (390x844) and a laptop (1280x800), in all
// three views: every tap area at least 44 px each way at every text size; on the
// phone at the normal text size the whole drawing (hips to toes) above the pinned
// Save on the first screen, and a tap on the toes selects them; Save right above the tab bar
// (it left a 72 px empty band there). Real fonts: they set how much room the map gets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "enum_names.hpp"
#include "icons.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using namespace nd::app::test;

namespace {

const std::string kSave = ND_ICON_CHECK "  Save";
constexpr float kTextSizes[] = {1.0f, 1.2f, 1.45f, 1.75f};   // Settings' Normal .. Largest

void redraw(Ui& ui) {
    for (int i = 0; i < 4; ++i) {
        if (ui.app->fonts_dirty()) ui.app->rebuild_fonts();
        ui.frame();
    }
}

}  // namespace

TEST_CASE("Every body-map view: tap areas of 44 px at every text size, the whole legs above Save at first",
          "[app][log][bodymap]") {
    for (const auto& [width, height] : {std::pair{390.0f, 844.0f}, std::pair{1280.0f, 800.0f}}) {
        Ui ui(width, height, true, true);
        for (const float text : kTextSizes) {
            ui.state().settings.font_scale = text;
            ui.state().fonts_dirty = true;
            for (const BodyView view : {BodyView::Front, BodyView::Back, BodyView::Soles}) {
                ui.pages().body_map.view = view;
                redraw(ui);
                INFO("window " << width << "x" << height << ", text size " << text << ", view " << static_cast<int>(view));
                const auto& hits = ui.pages().body_map.hits;
                REQUIRE_FALSE(hits.empty());
                float top = 1e9f, bottom = 0;
                for (const RegionHit& h : hits) {
                    INFO(describe(h.mark));
                    CHECK(h.x1 - h.x0 >= 44.0f - 0.01f);
                    CHECK(h.y1 - h.y0 >= 44.0f - 0.01f);
                    top = std::min(top, h.y0);
                    bottom = std::max(bottom, h.y1);
                }
                // The laptop's form shows the three views at once, front and back below the
                // fold (its first screen is the soles' and the answers'); a phone shows one.
                if (text != 1.0f || width >= 600) continue;
                // The first screen: all of it between the page header and Save.
                REQUIRE(ui.has(kSave));
                const ItemRect save = ui.state().items.at(kSave);
                CHECK(top >= 0.0f);
                CHECK(bottom <= save.y0);
                // Save sits just above the tab bar (64 px): no empty band between them.
                CHECK(save.y1 >= height - 64.0f - 20.0f);
                CHECK(save.y1 <= height - 64.0f);
            }
        }
    }
}

TEST_CASE("On a phone the front view's toes are on the first screen and a tap there selects them", "[app][log][bodymap]") {
    Ui ui(390, 844, true, true);
    ui.click("bodyview:Front");
    REQUIRE(ui.pages().body_map.view == BodyView::Front);
    const RegionMark toes{Region::Toes, Side::Left};
    REQUIRE(ui.has_region(toes));
    ui.tap_region(toes);
    CHECK(ui.pages().log.draft.marks.count(toes) == 1);
    ui.click(kSave);
    const auto eps = ui.store().episodes();
    REQUIRE(eps.size() == 1);
    CHECK(eps.front().regions == std::vector<RegionMark>{toes});
}
