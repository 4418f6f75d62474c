// The accessible mirror's data: what assets/web/nd-web.js needs to keep an invisible
// DOM layer over the canvas (roles, names, states, reading order) for screen
// readers: the current page, the toast, whether the warning is up, every
// recorded widget (key, rectangle in CSS px, and whether it is scrolled into
// view), and the body
// map's regions with whether each is marked. Handed to the page only when it
// changed, so an idle or unchanged page costs nothing.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "app.hpp"
#include "enum_names.hpp"
#include "web_json.hpp"
#include "web_shell.hpp"

namespace nd::platform::web {

namespace {

EM_JS(void, js_a11y, (const char* json), {
    if (window.ndWeb && window.ndWeb.updateMirror) window.ndWeb.updateMirror(UTF8ToString(json));
});

void add_rect(std::string& out, float x0, float y0, float x1, float y1, float dpr) {
    char buf[96];
    // Whole CSS pixels: sub-pixel changes (a glide) need no new mirror.
    std::snprintf(buf, sizeof buf, ",%.0f,%.0f,%.0f,%.0f", x0 / dpr, y0 / dpr, x1 / dpr, y1 / dpr);
    out += buf;
}

}  // namespace

void update_a11y_mirror(WebShell& sh, float dpr) {
    const app::AppState& s = sh.app->state();
    const app::PageStates& pages = sh.app->pages();
    std::string out = "{\"page\":" + std::to_string(static_cast<int>(s.page));
    out += ",\"toast\":";
    append_json_string(out, s.toast);
    out += ",\"warning\":" + std::string(s.pending_red_flags.empty() ? "false" : "true");
    out += ",\"items\":[";
    bool first = true;
    for (const auto& [key, r] : s.items) {
        if (r.x1 - r.x0 < 1 || r.y1 - r.y0 < 1) continue;
        if (!first) out += ',';
        first = false;
        out += '[';
        append_json_string(out, key);
        add_rect(out, r.x0, r.y0, r.x1, r.y1, dpr);
        out += r.visible ? ",1]" : ",0]";   // 0: scrolled out of view (activating it scrolls first)
    }
    out += "],\"regions\":[";
    first = true;
    if (s.page == app::Page::Log) {
        for (const app::RegionHit& h : pages.body_map.hits) {
            if (!first) out += ',';
            first = false;
            out += '[';
            append_json_string(out, std::string(nd::enum_id(h.mark.region)) + ":" + std::string(nd::enum_id(h.mark.side)));
            add_rect(out, h.x0, h.y0, h.x1, h.y1, dpr);
            out += pages.log.draft.marks.count(h.mark) ? ",1]" : ",0]";
        }
    }
    out += "]}";
    if (out == sh.a11y_last) return;
    sh.a11y_last = out;
    js_a11y(out.c_str());
}

}  // namespace nd::platform::web
