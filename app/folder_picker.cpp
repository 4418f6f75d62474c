#include "folder_picker.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include <imgui.h>

#include "font_set.hpp"
#include "widget_log.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
    const std::string l = lower(name);
    for (const std::string& e : extensions) {
        const std::string dot = "." + lower(e);
        if (l.size() > dot.size() && l.compare(l.size() - dot.size(), dot.size(), dot) == 0) return true;
    }
    return false;
}

void sort_names(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
        const std::string la = lower(a), lb = lower(b);
        return la != lb ? la < lb : a < b;
    });
}

std::string folder_name(const std::string& dir) {
    const fs::path p = fs::path(dir).lexically_normal();
    std::string name = p.filename().string();
    if (name.empty()) name = p.parent_path().filename().string();   // "/a/b/" -> "b"
    return name.empty() ? dir : name;
}

void go_to(FolderPickerState& p, const std::string& dir) {
    p.dir = fs::path(dir).lexically_normal().string();
    if (p.dir.size() > 1 && p.dir.back() == '/') p.dir.pop_back();
    p.stale = true;
    p.new_folder = false;
    p.new_folder_error.clear();
    ImGui::SetScrollY(0);
}

// Text cut in the middle to fit `width` ("numbness-diary-ba…2026-11-20.ndbackup"):
// the end of a file name (its date and kind) matters most.
std::string ellipsize_middle(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    static constexpr const char* kDots = "\xe2\x80\xa6";
    std::size_t keep_end = std::min<std::size_t>(text.size(), 22);
    while (keep_end > 0 && (static_cast<unsigned char>(text[text.size() - keep_end]) & 0xC0) == 0x80) --keep_end;
    const std::string tail = text.substr(text.size() - keep_end);
    const float room = width - ImGui::CalcTextSize(tail.c_str()).x - ImGui::CalcTextSize(kDots).x;
    if (room <= 0) return ellipsize(text, width);
    std::string head = ellipsize(text.substr(0, text.size() - keep_end), room + ImGui::CalcTextSize(kDots).x);
    // ellipsize() ends what it cut with its own dots; keep one set only.
    const std::string dots = kDots;
    if (head.size() >= dots.size() && head.compare(head.size() - dots.size(), dots.size(), dots) == 0)
        head.resize(head.size() - dots.size());
    return head + kDots + tail;
}

// A full-width row as tall as a fingertip (and then some): icon, name, chevron.
bool picker_row(WidgetLog& log, const char* icon, const std::string& name, const std::string& key, bool chevron) {
    const Palette& pal = palette();
    const float h = touch_height() * 1.2f;
    const std::string id = "##" + key;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable(id.c_str(), false, 0, ImVec2(0, h));
    record_item(log, key);
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float ty = pos.y + (h - ImGui::GetFontSize()) * 0.5f;
    dl->AddText(ImVec2(pos.x + pad, ty), ImGui::GetColorU32(pal.accent), icon);
    const float name_x = pos.x + pad + ImGui::GetFontSize() * 1.8f;
    const float chevron_w = chevron ? ImGui::GetFontSize() * 1.6f : 0.0f;
    const std::string shown = ellipsize_middle(name, max.x - name_x - chevron_w - pad);
    dl->AddText(ImVec2(name_x, ty), ImGui::GetColorU32(pal.text), shown.c_str());
    if (chevron)
        dl->AddText(ImVec2(max.x - chevron_w, ty), ImGui::GetColorU32(pal.text_muted), ND_ICON_CHEVRON_RIGHT);
    dl->AddLine(ImVec2(pos.x, max.y), ImVec2(max.x, max.y), ImGui::GetColorU32(pal.border));
    return pressed;
}

}  // namespace

FolderListing list_folder(const std::string& dir, const std::vector<std::string>& extensions) {
    FolderListing out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.error = "This folder cannot be opened (" + ec.message() + ").";
        return out;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;   // hidden
        std::error_code e2;
        if (it->is_directory(e2)) {
            out.folders.push_back(name);
        } else if (!extensions.empty() && it->is_regular_file(e2) && has_extension(name, extensions)) {
            out.files.push_back(name);
        }
    }
    if (ec) out.error = "Not everything in this folder could be read (" + ec.message() + ").";
    sort_names(out.folders);
    sort_names(out.files);
    return out;
}

std::string parent_folder(const std::string& dir) {
    const fs::path p = fs::path(dir).lexically_normal();
    fs::path parent = p.parent_path();
    if (!p.has_filename() && p.has_parent_path()) parent = p.parent_path().parent_path();   // "/a/b/"
    if (parent == p || parent.empty()) return "";
    return parent.string();
}

std::string make_folder(const std::string& parent, const std::string& name_in, std::string& error) {
    error.clear();
    std::string name = name_in;
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    if (name.empty()) {
        error = "Please type a name for the new folder.";
        return "";
    }
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
        error = "A folder name cannot contain / or \\.";
        return "";
    }
    if (name.front() == '.') {
        error = "A folder name cannot start with a dot (it would be hidden).";
        return "";
    }
    const fs::path p = fs::path(parent) / name;
    std::error_code ec;
    if (fs::exists(p, ec)) {
        error = "There is already something called \"" + name + "\" here.";
        return "";
    }
    if (!fs::create_directory(p, ec) || ec) {
        error = "Could not make the folder \"" + name + "\"" + (ec ? " (" + ec.message() + ")" : "") + ".";
        return "";
    }
    return p.string();
}

void open_folder_picker(FolderPickerState& p, const std::string& start, const std::string& home,
                        const std::string& title, bool pick_file, std::vector<std::string> extensions) {
    p = FolderPickerState{};
    p.open = true;
    p.pick_file = pick_file;
    p.extensions = std::move(extensions);
    p.home = home;
    p.title = title;
    std::error_code ec;
    const std::string first = !start.empty() && fs::is_directory(start, ec) ? start : home;
    p.dir = fs::path(first).lexically_normal().string();
    if (p.dir.size() > 1 && p.dir.back() == '/') p.dir.pop_back();
}

PickerAction draw_folder_picker(WidgetLog& log, const Fonts& fonts, bool narrow, FolderPickerState& p,
                                std::string& chosen) {
    const Palette& pal = palette();
    if (p.stale || p.listed_dir != p.dir) {
        p.listing = list_folder(p.dir, p.pick_file ? p.extensions : std::vector<std::string>{});
        p.listed_dir = p.dir;
        p.stale = false;
    }
    PickerAction action = PickerAction::None;

    heading(fonts, p.title.c_str());
    begin_card("##picker_here");
    muted_text(p.pick_file ? "Looking in" : "This folder");
    if (fonts.bold) ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(ND_ICON_FOLDER_OPEN);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(folder_name(p.dir).c_str());
    ImGui::PopTextWrapPos();
    if (fonts.bold) ImGui::PopFont();
    muted_text(p.dir.c_str());
    if (!p.pick_file) {
        if (big_button(log, ND_ICON_CHECK " Use this folder", narrow ? -1.0f : 0.0f)) {
            chosen = p.dir;
            action = PickerAction::Chosen;
        }
        record_item(log, "picker:choose");
        if (!narrow) ImGui::SameLine();
    }
    if (big_button(log, "Cancel##picker", narrow ? -1.0f : 0.0f, ButtonKind::Quiet)) action = PickerAction::Cancelled;
    record_item(log, "picker:cancel");
    end_card();

    // Up, New folder, Documents: one row on a wide window; on a phone Up and New
    // share a row and Documents gets its own (only when somewhere else).
    const std::string parent = parent_folder(p.dir);
    const bool at_home = p.home.empty() || p.dir == fs::path(p.home).lexically_normal().string();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float w = narrow ? half : 0.0f;
    ImGui::BeginDisabled(parent.empty());
    if (big_button(log, "Up one folder##picker", w, ButtonKind::Secondary)) go_to(p, parent);
    record_item(log, "picker:up");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (big_button(log, ND_ICON_PLUS " New folder##picker", w, ButtonKind::Secondary)) {
        p.new_folder = !p.new_folder;
        p.new_folder_error.clear();
    }
    record_item(log, "picker:new");
    if (!narrow || !at_home) {
        if (!narrow) ImGui::SameLine();
        ImGui::BeginDisabled(at_home);
        if (big_button(log, ND_ICON_HOME " Back to Documents##picker", narrow ? -1.0f : 0.0f, ButtonKind::Secondary))
            go_to(p, p.home);
        record_item(log, "picker:home");
        ImGui::EndDisabled();
    }

    if (p.new_folder) {
        begin_card("##picker_new");
        text_field(log, "Name of the new folder##picker", p.new_folder_name, "e.g. Doctor visits");
        if (!p.new_folder_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.danger);
            ImGui::TextWrapped("%s", p.new_folder_error.c_str());
            ImGui::PopStyleColor();
        }
        if (big_button(log, ND_ICON_CHECK " Make the folder##picker", 0)) {
            const std::string made = make_folder(p.dir, p.new_folder_name, p.new_folder_error);
            if (!made.empty()) {
                go_to(p, made);   // straight into it: that is why it was made
                p.new_folder_name.clear();
            }
        }
        record_item(log, "picker:create");
        ImGui::SameLine();
        if (big_button(log, "Never mind##picker_new", 0, ButtonKind::Quiet)) p.new_folder = false;
        end_card();
    }

    if (!p.listing.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.danger);
        ImGui::TextWrapped("%s", p.listing.error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    std::string next;
    ImGui::PushID("##picker_rows");
    for (const std::string& name : p.listing.folders)
        if (picker_row(log, ND_ICON_FOLDER_OPEN, name, "picker:folder:" + name, true))
            next = (fs::path(p.dir) / name).string();
    for (const std::string& name : p.listing.files)
        if (picker_row(log, ND_ICON_FILE_TEXT, name, "picker:file:" + name, false)) {
            chosen = (fs::path(p.dir) / name).string();
            action = PickerAction::Chosen;
        }
    ImGui::PopID();
    if (p.listing.folders.empty() && p.listing.files.empty() && p.listing.error.empty())
        muted_text(p.pick_file ? "No backups or folders in here." : "No folders in here.");
    if (!next.empty()) go_to(p, next);

    if (action != PickerAction::None) p.open = false;
    return action;
}

}  // namespace nd::app
