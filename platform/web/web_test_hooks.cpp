// What tools/web-test/ reads from the running page: where the named widgets and
// body-map regions are (in CSS pixels, for taps), and what the diary holds.
// Widgets record their rectangles only when the page is opened with ?test.
#include <emscripten.h>
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app.hpp"
#include "enum_names.hpp"
#include "web_services.hpp"
#include "web_json.hpp"
#include "web_shell.hpp"

using nd::platform::web::append_json_string;

namespace {

// [x0, y0, x1, y1, visible]: visible is 0 when the item was scrolled out of
// its window (a tap there would land on something else).
void json_rect(std::string& out, float x0, float y0, float x1, float y1, float dpr, bool visible = true) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "[%.1f,%.1f,%.1f,%.1f,%d]", x0 / dpr, y0 / dpr, x1 / dpr, y1 / dpr,
                  visible ? 1 : 0);
    out += buf;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* nd_web_test_state() {
    static std::string out;
    out.clear();
    auto* sh = nd::platform::web::g_shell;
    if (!sh || !sh->app) return "{}";
    nd::app::AppState& s = sh->app->state();
    const nd::app::PageStates& pages = sh->app->pages();
    const float dpr = s.display_scale > 0 ? s.display_scale : 1.0f;
    out += "{\"page\":" + std::to_string(static_cast<int>(s.page));
    out += ",\"narrow\":" + std::string(s.narrow ? "true" : "false");
    out += ",\"revision\":" + std::to_string(s.revision);
    out += ",\"open_error\":";
    append_json_string(out, s.open_error);
    out += ",\"toast\":";
    append_json_string(out, s.toast);
    out += ",\"draft_note\":";
    append_json_string(out, pages.log.draft.note);
    {
        // What Settings says about keeping the diary (web_services.cpp).
        bool at_risk = false;
        nd::platform::web::WebServices services;
        out += ",\"storage_note\":";
        append_json_string(out, services.storage_note(at_risk));
        out += ",\"storage_at_risk\":" + std::string(at_risk ? "true" : "false");
        out += ",\"red_flags\":" + std::to_string(s.pending_red_flags.size());
        out += ",\"steps_drawn\":" + std::to_string(sh->steps_drawn);
        out += ",\"imgui_frames\":" + std::to_string(sh->imgui_frames);
        out += ",\"text_active\":" + std::string(ImGui::GetIO().WantTextInput ? "true" : "false");
        out += ",\"restore_done\":";
        append_json_string(out, sh->app->pages().export_page.restore_done);
        out += ",\"restore_path\":";
        append_json_string(out, sh->app->pages().export_page.restore_path);
        out += ",\"restore_error\":";
        append_json_string(out, sh->app->pages().export_page.restore_error);
    }
    {
        char buf[64];
        std::snprintf(buf, sizeof buf, ",\"font_scale\":%.2f,\"theme\":%d,\"body_view\":%d", s.settings.font_scale,
                      static_cast<int>(s.settings.theme), static_cast<int>(pages.body_map.view));
        out += buf;
    }
    out += ",\"details_open\":" + std::string(pages.log.draft.details_open ? "true" : "false");
    // The Export page's choice: 0 PDF, 1 CSV, 2 FHIR, 3 backup; -1 restoring.
    const auto& ex = sh->app->pages().export_page;
    out += ",\"export_format\":" + std::to_string(ex.restoring ? -1 : static_cast<int>(ex.format));
    out += ",\"episodes\":[";
    bool first = true;
    for (const std::size_t i : s.episodes_newest_first) {
        if (!first) out += ',';
        first = false;
        const nd::Episode& e = s.diary.episodes[i];
        out += "{\"id\":";
        append_json_string(out, e.id);
        out += ",\"note\":";
        append_json_string(out, e.note);
        out += ",\"regions\":[";
        for (std::size_t r = 0; r < e.regions.size(); ++r) {
            if (r) out += ',';
            append_json_string(out, std::string(nd::enum_id(e.regions[r].region)) + ":" +
                                 std::string(nd::enum_id(e.regions[r].side)));
        }
        out += "]}";
    }
    out += "],\"items\":{";
    first = true;
    for (const auto& [key, r] : s.items) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, key);
        out += ':';
        json_rect(out, r.x0, r.y0, r.x1, r.y1, dpr, r.visible);
    }
    out += "},\"regions\":{";
    first = true;
    for (const nd::app::RegionHit& h : pages.body_map.hits) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, std::string(nd::enum_id(h.mark.region)) + ":" + std::string(nd::enum_id(h.mark.side)));
        out += ':';
        json_rect(out, h.x0, h.y0, h.x1, h.y1, dpr);
    }
    out += "}}";
    return out.c_str();
}
