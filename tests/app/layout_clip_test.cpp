// Every screen at every text size, in every theme, at phone (390x844) and desktop
// (1280x800) size: no text is cut by its window, card, column or button, none is
// shortened with "…", and no two texts or sibling widgets are drawn over each other.
// How the check works: layout_check.hpp and docs/ui-testing.md.
//
// One process renders all combinations, three frames each (cards measure their
// height on the frame after they appear). Each screen is drawn twice per width:
// at the real height, and at a tall one so the content below the fold is laid out
// and checked too (width is what cuts text; height only scrolls).
#include <chrono>
#include <functional>
#include <sstream>

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "app.hpp"
#include "demo_diary.hpp"
#include "diary_editor.hpp"
#include "layout_check.hpp"
#include "matching.hpp"
#include "store.hpp"
#include "views.hpp"
#include "widgets.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::GlyphAtlasIndex;
using nd::app::test::LayoutProblems;

namespace {

// The real fonts (DejaVu Sans and FontAwesome, as the desktop app uses), so
// widths are those a person sees.
class FontServices : public FakeServices {
public:
    std::string font_file(const std::string& name) override {
        const std::string path = name == "fontawesome" ? "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"
                                                       : "/usr/share/fonts/truetype/dejavu/" + name;
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return "";
        std::fclose(f);
        return path;
    }
};

constexpr float kTextSizes[] = {1.0f, 1.2f, 1.45f, 1.75f};   // Normal, Large, Larger, Largest (view_settings.cpp)
constexpr const char* kTextSizeNames[] = {"Normal", "Large", "Larger", "Largest"};
constexpr Theme kThemes[] = {Theme::Light, Theme::Dark, Theme::HighContrast};
constexpr const char* kThemeNames[] = {"Light", "Dark", "High contrast"};

struct Screen {
    const char* name;
    std::function<void(App&)> enter;
    std::function<void(App&)> leave;
};

struct LayoutUi {
    FontServices services;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<App> app;
    std::function<void()> extra;   // self-check: draws something more after the app

    LayoutUi() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DeltaTime = 1.0f / 60.0f;
        services.assets = ND_SOURCE_ASSETS_DIR;
        // Without the real fonts the check would measure ImGui's small built-in font
        // and pass too easily (fonts-dejavu-core and fonts-font-awesome, tools/dev.sh).
        REQUIRE_FALSE(services.font_file("DejaVuSans.ttf").empty());
        REQUIRE_FALSE(services.font_file("fontawesome").empty());
        app = std::make_unique<App>(services);
        app->use_store(Store::open_in_memory());
        app->state().store->replace_diary(make_demo_diary(20260101u, services.clock));
        app->state().store->set_setting("ui.first_run_done", "1");
        app->state().refresh();
        app->on_start(1.0f);
        app->state().record_items = true;
    }
    ~LayoutUi() {
        app.reset();
        ImGui::DestroyContext(ctx);
    }
    void frame() {
        if (app->fonts_dirty()) app->rebuild_fonts();
        ImGui::NewFrame();
        app->frame();
        if (extra) extra();
        ImGui::Render();
    }
    // Renders a few frames and checks the last one.
    LayoutProblems check(float w, float h) {
        ImGui::GetIO().DisplaySize = ImVec2(w, h);
        for (int i = 0; i < 3; ++i) frame();
        LayoutProblems found;
        const GlyphAtlasIndex atlas;
        test::check_draw_data(ImGui::GetDrawData(), atlas, app->state().probes, found);
        test::check_probes(app->state().probes, found);
        return found;
    }
};

Episode sample_stroke_episode() {
    Episode e;
    e.id = "sample";
    e.onset = Onset::Sudden;
    e.signs = {Sign::FaceDrooping, Sign::ArmWeakness, Sign::BladderBowelLoss};
    e.regions = {{Region::WholeLeg, Side::Left}};
    return e;
}

std::vector<Screen> all_screens() {
    std::vector<Screen> out;
    for (const ViewInfo& v : views()) {
        const Page page = v.page;
        out.push_back({v.name, [page](App& a) { a.state().page = page; }, nullptr});
    }
    out.push_back({"red flags (warning screen)",
                   [](App& a) { a.state().pending_red_flags = red_flags_for(sample_stroke_episode()); },
                   [](App& a) { a.state().pending_red_flags.clear(); }});
    out.push_back({"episode editor",
                   [](App& a) {
                       // The Diary closes an editor left open when it is entered from another
                       // page (issue 12); open_newest opens the newest episode once it is drawn.
                       a.state().page = Page::Diary;
                       a.pages().diary.open_newest = true;
                   },
                   [](App& a) { a.pages().diary.editing.reset(); }});
    out.push_back({"damaged diary",
                   [](App& a) {
                       a.state().open_error = "Your diary file turned out to be damaged when it was checked "
                                              "(database disk image is malformed). The app has stopped writing to "
                                              "it, and the file was not changed.";
                       a.state().open_error_path = "/home/someone/.local/share/numbness-diary/diary.sqlite";
                       a.health().check = DiaryHealth::Check::Damaged;
                       a.health().backup_folder = "/home/someone/.local/share/numbness-diary/backups";
                       a.health().offer = BackupFile{"/home/someone/.local/share/numbness-diary/backups/x.ndbackup",
                                                     1'789'900'000};
                       a.health().offer_episodes = 42;
                   },
                   [](App& a) {
                       a.state().open_error.clear();
                       a.health() = DiaryHealth{};
                   }});
    return out;
}

}  // namespace

TEST_CASE("No text is clipped or drawn over another on any screen, text size, theme or window size",
          "[app][layout][clip]") {
    const auto started = std::chrono::steady_clock::now();
    LayoutUi ui;
    std::vector<std::string> failures;
    int combos = 0;
    for (int t = 0; t < 4; ++t) {
        ui.app->state().settings.font_scale = kTextSizes[t];
        ui.app->state().fonts_dirty = true;
        for (int th = 0; th < 3; ++th) {
            ui.app->state().settings.theme = kThemes[th];
            ui.app->state().style_dirty = true;
            for (const Screen& screen : all_screens()) {
                screen.enter(*ui.app);
                for (const ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 800)}) {
                    for (const float h : {size.y, 4200.0f}) {
                        ++combos;
                        const LayoutProblems found = ui.check(size.x, h);
                        for (const std::string& p : found.list) {
                            std::ostringstream where;
                            where << screen.name << " at " << kTextSizeNames[t] << ", " << kThemeNames[th] << ", "
                                  << size.x << "x" << size.y << (h != size.y ? " (tall)" : "") << ": " << p;
                            failures.push_back(where.str());
                        }
                    }
                }
                if (screen.leave) screen.leave(*ui.app);
            }
        }
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(combos << " combinations in " << secs << " s");
    std::ostringstream all;
    const std::size_t shown = std::min<std::size_t>(failures.size(), 60);
    for (std::size_t i = 0; i < shown; ++i) all << failures[i] << "\n";
    if (failures.size() > shown) all << "... and " << failures.size() - shown << " more\n";
    INFO(all.str());
    // ND_LAYOUT_REPORT=file: every finding, one a line (for fixing them in bulk).
    if (const char* report = std::getenv("ND_LAYOUT_REPORT")) {
        std::FILE* f = std::fopen(report, "w");
        for (const std::string& line : failures) std::fprintf(f, "%s\n", line.c_str());
        if (f) std::fclose(f);
    }
    CHECK(failures.empty());
    CHECK(combos == 4 * 3 * static_cast<int>(all_screens().size()) * 4);
}

// The check's self-check: the same detector, fed a page with something wrong added,
// must say so (and must stay quiet for the same things done right).
TEST_CASE("The clipping check fails when a deliberately too-long label is added", "[app][layout][clip]") {
    LayoutUi ui;
    ui.app->state().page = Page::Settings;
    const std::string long_label = "A deliberately far too long label that cannot fit a phone's width at all";

    SECTION("baseline: the page as it is passes") {
        CHECK(ui.check(390, 4200).list.empty());
    }
    SECTION("a plain ImGui button narrower than its label (cut by the CPU)") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::Begin("##bad", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
            ImGui::Button(long_label.c_str(), ImVec2(200, 44));
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().find("cut by its button") != std::string::npos);
        INFO(found.front());
        CHECK(found.front().find("deliberately far") != std::string::npos);   // names the text
    }
    SECTION("text running past its window (cut on the GPU)") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::SetNextWindowSize(ImVec2(200, 100));
            ImGui::Begin("##bad", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::TextUnformatted(long_label.c_str());
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().find("cut by its window") != std::string::npos);
    }
    SECTION("a label wider than its wrapper widget's given width") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::Begin("##bad", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
            ImGui::Button("x", ImVec2(40, 40));
            probe_fit(ui.app->state(), long_label, ImGui::CalcTextSize(long_label.c_str()).x, 40);
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        REQUIRE(found.size() == 1);
        CHECK(found.front().find("label wider than its widget") != std::string::npos);
    }
    SECTION("text shortened with an ellipsis") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::Begin("##bad", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
            ImGui::TextUnformatted("Possible cau\xe2\x80\xa6");
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().find("ellipsis") != std::string::npos);
    }
    SECTION("two texts drawn over each other") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::SetNextWindowSize(ImVec2(300, 100));
            ImGui::Begin("##bad", nullptr, ImGuiWindowFlags_NoDecoration);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::TextUnformatted("Diary");
            ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + 3, at.y), IM_COL32_WHITE, "Patterns");
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        REQUIRE_FALSE(found.empty());
        INFO(found.front());
        CHECK(found.front().find("drawn over each other") != std::string::npos);
    }
    SECTION("the same long label through the app's big_button wraps and passes") {
        ui.extra = [&] {
            ImGui::SetNextWindowPos(ImVec2(10, 10));
            ImGui::SetNextWindowSize(ImVec2(300, 400));
            ImGui::Begin("##good", nullptr, ImGuiWindowFlags_NoDecoration);
            big_button(ui.app->state(), long_label.c_str(), 0);
            ImGui::End();
        };
        const auto found = ui.check(390, 4200).list;
        INFO((found.empty() ? std::string() : found.front()));
        CHECK(found.empty());
    }
}
