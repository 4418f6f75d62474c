#include "widgets.hpp"

#include <algorithm>
#include <cstring>

#include <imgui_internal.h>

#include "icons.hpp"
#include "keyboard.hpp"
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

void record_item(WidgetLog& log, const std::string& key) {
    tab_stop(log);   // every named control is a tab stop (keyboard.hpp)
    if (!log.record_items) return;
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->SkipItems) {
        // A card scrolled wholly out of view skips its items: there is no item
        // rectangle (the last one is another item's). Record the card's, not
        // visible, so a test knows which way to scroll.
        log.items[key] = ItemRect{w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y, false};
        return;
    }
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    log.items[key] = ItemRect{a.x, a.y, b.x, b.y, ImGui::IsItemVisible(), ImGui::GetItemID()};
    if (GImGui->LastItemData.InFlags & ImGuiItemFlags_Inputable) {
        // A text field: the layout test lets its text scroll inside it (a long file name).
        const ImVec2 c0 = w->DrawList->GetClipRectMin(), c1 = w->DrawList->GetClipRectMax();
        ProbeItem p{key, log.items[key], 0, b.x - a.x, c0.x, c1.x, w->ID};
        p.scrolls_text = true;
        log.probes.push_back(p);
    }
}

float big_button_height() {
    return std::max(touch_height(), ImGui::GetFrameHeight() + 8.0f * ui_scale());
}

void probe_fit(WidgetLog& log, const std::string& key, float natural_w, float given_w) {
    if (!log.record_items) return;
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->SkipItems) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c0 = w->DrawList->GetClipRectMin(), c1 = w->DrawList->GetClipRectMax();
    log.probes.push_back(ProbeItem{key, ItemRect{a.x, a.y, b.x, b.y, ImGui::IsItemVisible()}, natural_w, given_w, c0.x,
                                 c1.x, w->ID});
}

void focus_ring() {
    // ImGui 1.86 draws a thin nav highlight; people who use the keyboard because
    // a mouse is hard need one they can see from a distance: 3 px, the theme's
    // focus colour, outside the item so it never covers the label.
    const ImGuiContext& g = *GImGui;
    if (g.NavId == 0 || g.NavId != ImGui::GetItemID() || g.NavDisableHighlight) return;
    const float t = 3.0f * ui_scale();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - t, a.y - t), ImVec2(b.x + t, b.y + t),
                                        ImGui::GetColorU32(palette().focus), ImGui::GetStyle().FrameRounding + t, 0, t);
}

std::string wrap_lines(const char* text, const char* end, float width) {
    if (!end) end = text + std::strlen(text);
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::string out;
    const char* p = text;
    while (p < end) {
        const char* brk = font->CalcWordWrapPositionA(scale, p, end, std::max(1.0f, width));
        if (brk == p) brk = p + 1;   // always move on, even when one letter is wider than the room
        const char* line_end = brk;
        while (line_end > p && (line_end[-1] == ' ')) --line_end;
        if (!out.empty()) out += '\n';
        out.append(p, line_end);
        p = brk;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    return out;
}

float longest_word_width(const char* text, const char* end) {
    if (!end) end = text + std::strlen(text);
    float widest = 0;
    const char* w = text;
    for (const char* p = text; p <= end; ++p) {
        if (p == end || *p == ' ' || *p == '\n') {
            if (p > w) widest = std::max(widest, ImGui::CalcTextSize(w, p).x);
            w = p + 1;
        }
    }
    return widest;
}

namespace {

// A button whose label wraps onto more lines (and the button grows taller) when
// it does not fit the width it is given. Its ImGui id is the label, whatever the
// wrapping, so focus and activation survive a change of text size.
bool wrapping_button(WidgetLog& log, const char* id, const char* label, float width, float min_h,
                     const std::string& probe_key) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* hidden = std::strstr(label, "##");
    const char* text_end = hidden ? hidden : label + std::strlen(label);
    const float natural = ImGui::CalcTextSize(label, text_end).x + st.FramePadding.x * 2;
    const float room = width - st.FramePadding.x * 2;
    std::string shown(label, text_end);
    float h = min_h;
    if (natural > width) {
        shown = wrap_lines(label, text_end, room);
        h = std::max(min_h, ImGui::CalcTextSize(shown.c_str()).y + st.FramePadding.y * 2);
    }
    ImGui::PushID(id);
    bool pressed = ImGui::Button((shown + "###b").c_str(), ImVec2(width, h));
    pressed = enter_on_item() || pressed;
    tab_stop(log);
    ImGui::PopID();
    // What must fit is the longest word: lines break between words, and a word
    // broken in two is as unreadable as a cut one.
    const float shown_w = std::max(ImGui::CalcTextSize(shown.c_str()).x, longest_word_width(label, text_end)) +
                          st.FramePadding.x * 2;
    probe_fit(log, probe_key, shown_w, width);
    focus_ring();
    return pressed;
}

}  // namespace

bool nav_button(WidgetLog& log, const char* label, float width) {
    return wrapping_button(log, label, label, width, touch_height(), label);
}

bool big_button(WidgetLog& log, const char* label, float width, ButtonKind kind) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float h = big_button_height();
    // Put beside another (SameLine) but too wide for what is left of the line:
    // start a new line instead of squeezing the label.
    {
        const ImGuiWindow* win = ImGui::GetCurrentWindow();
        const float line_start = win->Pos.x + win->DC.Indent.x + win->DC.ColumnsOffset.x;
        const float needs = width > 0 ? width
                                      : ImGui::CalcTextSize(label, nullptr, true).x + st.FramePadding.x * (width == 0 ? 4 : 2);
        if (win->DC.CursorPos.x > line_start + 0.5f && needs > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    float w = width;
    if (width == 0) w = ImGui::CalcTextSize(label, nullptr, true).x + st.FramePadding.x * 4;
    if (width < 0) w = avail;
    w = std::max(h, std::min(w, avail));   // never wider than the room; a label that does not fit wraps
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
    const bool pressed = wrapping_button(log, label, label, w, h, label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(colours);
    record_item(log, label);
    return pressed;
}

bool chip(WidgetLog& log, const char* label, bool selected) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* hidden = std::strstr(label, "##");   // the ImGui id suffix is not shown
    const char* text_end = hidden ? hidden : label + std::strlen(label);
    const std::string shown = selected ? std::string(ND_ICON_CHECK " ") + std::string(label, text_end)
                                       : std::string(label, text_end);
    const float h = std::max(touch_height(), ImGui::GetFrameHeight());
    const float avail_line = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x -
                             (ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x);
    const float w = std::min(ImGui::CalcTextSize(shown.c_str()).x + st.FramePadding.x * 2.4f, std::max(h, avail_line));
    flow_before(w);
    ImGui::PushID(label);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, st.FrameBorderSize));
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : p.card);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.accent : p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
    ImGui::PushStyleColor(ImGuiCol_Border, selected ? p.accent : p.border);
    const bool pressed = wrapping_button(log, "##c", shown.c_str(), w, h, label);
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##chip_end_x"), ImGui::GetItemRectMax().x);
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##chip_end_y"), ImGui::GetItemRectMax().y);
    record_item(log, label);
    return pressed;
}

bool segmented(WidgetLog& log, const char* id, int& value, std::span<const char* const> labels) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float h = std::max(touch_height(), ImGui::GetFrameHeight());
    const float total = ImGui::GetContentRegionAvail().x;
    const int n = static_cast<int>(labels.size());
    // As many to a row as fit at their natural width; the rest wrap to more rows.
    float widest = 0;
    for (const char* l : labels) widest = std::max(widest, ImGui::CalcTextSize(l, nullptr, true).x + st.FramePadding.x * 2);
    const float gap = std::max(2.0f, st.ItemSpacing.x * 0.4f);
    int per_row = n;
    while (per_row > 1 && widest * static_cast<float>(per_row) + gap * static_cast<float>(per_row - 1) > total) --per_row;
    const float w = (total - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    bool changed = false;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (int i = 0; i < n; ++i) {
        if (i % per_row != 0) ImGui::SameLine();
        const bool on = value == i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.card);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent_text : p.text);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.accent : p.accent_soft);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, st.FrameBorderSize));
        if (wrapping_button(log, labels[i], labels[i], w, h, std::string(id) + ":" + labels[i]) && !on) {
            value = i;
            changed = true;
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
        record_item(log, std::string(id) + ":" + labels[i]);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 0));
    return changed;
}

void section_heading(const Fonts& fonts, const char* text) {
    ImGui::Dummy(ImVec2(0, 4.0f * ui_scale()));
    if (fonts.bold) ImGui::PushFont(fonts.bold);
    ImGui::PushTextWrapPos(0.0f);   // headings wrap like any text (a phone at Largest)
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (fonts.bold) ImGui::PopFont();
}

void page_title(WidgetLog& log, const Fonts& fonts, const char* icon, const char* text) {
    page_title_wrapped(log, fonts, icon, text, 0.0f);
}

void page_title_wrapped(WidgetLog& log, const Fonts& fonts, const char* icon, const char* text, float wrap_local_x) {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const float right = wrap_local_x > 0 ? wrap_local_x : ImGui::GetContentRegionMax().x;
    const float word = longest_word_width(text, nullptr);
    // A long word beside the icon (a phone at Largest: "Questionnaires") goes under it.
    if (right - ImGui::GetCursorPosX() < word) ImGui::NewLine();
    const float room = right - ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(wrap_local_x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    probe_fit(log, std::string("title:") + text, word, room);
    if (fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
}

void muted_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void bullet_text(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);   // wraps under itself, beside the bullet
    ImGui::PopTextWrapPos();
}

void begin_card(const char* id) {
    const Palette& p = palette();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id);
    const float h = st->GetFloat(key, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.card);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * ui_scale(), 14 * ui_scale()));
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
