#include "keyboard.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>


namespace nd::app {

void press_tab(WidgetLog& log, bool shift) { log.keys.pending_move += shift ? -1 : 1; }

void keyboard_begin_frame(WidgetLog& log) {
    KeyboardNav& k = log.keys;
    k.last.swap(k.stops);
    k.stops.clear();
    const ImGuiContext& g = *GImGui;
    k.focused = g.NavDisableHighlight ? 0 : g.NavId;
    if (k.pending_move == 0 || k.last.empty()) {
        k.pending_move = 0;
        return;
    }
    const int n = static_cast<int>(k.last.size());
    auto it = std::find_if(k.last.begin(), k.last.end(), [&](const KeyboardNav::Stop& st) { return st.id == g.NavId; });
    int at = it == k.last.end() ? (k.pending_move > 0 ? -1 : n) : static_cast<int>(it - k.last.begin());
    at = ((at + k.pending_move) % n + n) % n;
    k.focus_request = k.last[static_cast<std::size_t>(at)].id;
    k.pending_move = 0;
}

void tab_stop(WidgetLog& log) {
    ImGuiContext& g = *GImGui;
    const ImGuiID id = g.LastItemData.ID;
    if (id == 0 || (g.LastItemData.InFlags & ImGuiItemFlags_Disabled)) return;
    KeyboardNav& k = log.keys;
    if (!k.stops.empty() && k.stops.back().id == id) return;
    k.stops.push_back({id, g.CurrentWindow});
    if (k.focus_request == id) {
        k.focus_request = 0;
        // A text field being typed in lets go, so the keys go to the new stop.
        if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
        ImGui::SetFocusID(id, g.CurrentWindow);
        ImGui::FocusWindow(g.CurrentWindow);
        g.NavDisableHighlight = false;   // show the ring: this is the keyboard
        g.NavDisableMouseHover = true;
        g.NavMousePosDirty = false;
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
        k.focused = id;
    }
}

bool enter_on_item() {
    const ImGuiContext& g = *GImGui;
    if (g.NavDisableHighlight || g.NavId == 0 || g.NavId != g.LastItemData.ID) return false;
    if (g.ActiveId != 0 && g.ActiveId != g.LastItemData.ID) return false;   // typing elsewhere
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

}  // namespace nd::app
