#include "widgets.hpp"

#include <algorithm>
#include <cstring>

#include <imgui_internal.h>

#include "icons.hpp"
#include "theme.hpp"

namespace nd::app {

namespace {

// Chips flow like words: a chip goes on the current line when it fits. ImGui's
// own state tells us where the previous item ended.
void flow_before(float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const ImVec2 prev_max = ImGui::GetItemRectMax();
    const float x = prev_max.x + st.ItemSpacing.x;
    // Only continue a line when the previous item was a chip (chip() notes where it ended).
    ImGuiStorage* store = ImGui::GetStateStorage();
    const bool after_chip = store->GetFloat(ImGui::GetID("##chip_end_x"), -1) == prev_max.x &&
                            store->GetFloat(ImGui::GetID("##chip_end_y"), -1) == prev_max.y;
    if (after_chip && x + width <= right) ImGui::SameLine(0, st.ItemSpacing.x);
}

}  // namespace

void record_item(AppState& s, const std::string& key) {
    if (!s.record_items) return;
    if (const ImGuiWindow* w = ImGui::GetCurrentWindow(); w->SkipItems) {
        // A card scrolled wholly out of view skips its items: there is no item
        // rectangle (the last one is another item's). Record the card's, not
        // visible, so a test knows which way to scroll.
        s.items[key] = ItemRect{w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y, false};
        return;
    }
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    s.items[key] = ItemRect{a.x, a.y, b.x, b.y, ImGui::IsItemVisible()};
}

float big_button_height() {
    return std::max(touch_height(), ImGui::GetFrameHeight() + 8.0f * ImGui::GetStyle().MouseCursorScale);
}

bool big_button(AppState& s, const char* label, float width, ButtonKind kind) {
    const Palette& p = palette();
    const float h = big_button_height();
    ImVec2 size(width, h);
    if (width == 0) size.x = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 4;
    int colours = 0;
    auto push = [&](ImGuiCol c, ImVec4 v) { ImGui::PushStyleColor(c, v); ++colours; };
    if (kind == ButtonKind::Primary || kind == ButtonKind::Danger) {
        const ImVec4 base = kind == ButtonKind::Primary ? p.accent : p.danger;
        const ImVec4 text = kind == ButtonKind::Primary ? p.accent_text : p.danger_text;
        push(ImGuiCol_Button, base);
        push(ImGuiCol_ButtonHovered, ImVec4(base.x * 0.9f, base.y * 0.9f, base.z * 0.9f, 1));
        push(ImGuiCol_ButtonActive, ImVec4(base.x * 0.8f, base.y * 0.8f, base.z * 0.8f, 1));
        push(ImGuiCol_Text, text);
    } else if (kind == ButtonKind::Quiet) {
        push(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        push(ImGuiCol_Text, p.accent);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h * 0.5f);
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(colours);
    record_item(s, label);
    return pressed;
}

bool chip(AppState& s, const char* label, bool selected) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* hidden = std::strstr(label, "##");   // the ImGui id suffix is not shown
    const char* text_end = hidden ? hidden : label + std::strlen(label);
    const std::string shown = selected ? std::string(ND_ICON_CHECK " ") + std::string(label, text_end)
                                       : std::string(label, text_end);
    const float h = std::max(touch_height(), ImGui::GetFrameHeight());
    const float w = ImGui::CalcTextSize(shown.c_str()).x + st.FramePadding.x * 2.4f;
    flow_before(w);
    ImGui::PushID(label);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, st.FrameBorderSize));
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : p.card);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.accent : p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
    ImGui::PushStyleColor(ImGuiCol_Border, selected ? p.accent : p.border);
    const bool pressed = ImGui::Button(shown.c_str(), ImVec2(w, h));
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##chip_end_x"), ImGui::GetItemRectMax().x);
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##chip_end_y"), ImGui::GetItemRectMax().y);
    record_item(s, label);
    return pressed;
}

bool segmented(AppState& s, const char* id, int& value, std::span<const char* const> labels) {
    const Palette& p = palette();
    const float h = std::max(touch_height(), ImGui::GetFrameHeight());
    const float total = ImGui::GetContentRegionAvail().x;
    const float w = total / static_cast<float>(labels.size());
    bool changed = false;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i) ImGui::SameLine();
        const bool on = value == static_cast<int>(i);
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.card);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent_text : p.text);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.accent : p.accent_soft);
        if (ImGui::Button(labels[i], ImVec2(w, h)) && !on) {
            value = static_cast<int>(i);
            changed = true;
        }
        ImGui::PopStyleColor(3);
        record_item(s, std::string(id) + ":" + labels[i]);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

void section_heading(AppState& s, const char* text) {
    ImGui::Dummy(ImVec2(0, 4.0f * ImGui::GetStyle().MouseCursorScale));
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    ImGui::TextUnformatted(text);
    if (s.fonts.bold) ImGui::PopFont();
}

void page_title(AppState& s, const char* icon, const char* text) {
    if (s.fonts.heading) ImGui::PushFont(s.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    if (s.fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
}

void muted_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void begin_card(const char* id) {
    const Palette& p = palette();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id);
    const float h = st->GetFloat(key, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.card);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * ImGui::GetStyle().MouseCursorScale, 14 * ImGui::GetStyle().MouseCursorScale));
    ImGui::BeginChild(key, ImVec2(0, h), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // Remember the key inside the child so end_card can store the measured height.
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("##card_key"), static_cast<int>(key));
}

void end_card() {
    const ImGuiID key = static_cast<ImGuiID>(ImGui::GetStateStorage()->GetInt(ImGui::GetID("##card_key"), 0));
    const float content = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
    // A card wholly scrolled out of view skips its items (nothing is laid out):
    // keep the height measured when it was last drawn, or every card above the
    // view would shrink and the page would jump while scrolling.
    const bool skipped = ImGui::GetCurrentWindow()->SkipItems;
    ImGui::EndChild();
    if (!skipped) ImGui::GetStateStorage()->SetFloat(key, content);
}

}  // namespace nd::app
