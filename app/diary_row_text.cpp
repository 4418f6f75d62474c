#include "diary_row_text.hpp"

#include <algorithm>
#include <cfloat>

#include <imgui.h>

#include "enum_names.hpp"
#include "episode_text.hpp"

namespace nd::app {

namespace {

const std::string kDot = " \xc2\xb7 ";

// "a, b and 3 more": the first `keep` items, then how many were left out.
std::string list_text(const std::vector<std::string>& items, std::size_t keep) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < keep; ++i) out += (out.empty() ? "" : ", ") + items[i];
    if (keep < items.size()) out += " and " + std::to_string(items.size() - keep) + " more";
    return out;
}

void measure(std::vector<RowParagraph>& paras, ImFont* font, float size, float width) {
    for (RowParagraph& p : paras) p.lines = wrapped_lines(font, size, p.text, width);
}

// The muted paragraphs after the first joined into one (saves the part-empty line).
std::vector<RowParagraph> joined(const std::vector<RowParagraph>& paras) {
    std::vector<RowParagraph> out;
    for (const RowParagraph& p : paras) {
        if (!out.empty() && out.back().muted && p.muted) out.back().text += kDot + p.text;
        else out.push_back(p);
    }
    return out;
}

}  // namespace

int wrapped_lines(ImFont* font, float size, const std::string& text, float width) {
    if (text.empty()) return 0;
    if (!font) font = ImGui::GetFont();
    const ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, std::max(width, 1.0f), text.c_str());
    return std::max(1, static_cast<int>(sz.y / size + 0.5f));
}

int total_lines(const std::vector<RowParagraph>& paras) {
    int n = 0;
    for (const RowParagraph& p : paras) n += p.lines;
    return n;
}

int row_line_budget(ImFont* font, float size, float width, bool narrow) {
    // A full row: a time with a duration and both ratings, three places, three feelings
    // (the demo's richest episodes); richer ones name fewer places (episode_row_text).
    const char* head = narrow ? "23:59 \xc2\xb7 2 h 55 min" : "23:59 \xc2\xb7 2 h 55 min \xc2\xb7 numbness 10/10, pain 10/10";
    const char* places = "Toes (both sides), sole of the foot (left), heel (right)";
    const char* feels = "Numbness, tingling, burning";
    const std::string second = narrow ? std::string("numbness 10/10, pain 10/10 \xc2\xb7 ") + feels
                                      : std::string(places) + " \xc2\xb7 " + feels;
    int n = wrapped_lines(font, size, head, width) + wrapped_lines(font, size, second, width);
    if (narrow) n += wrapped_lines(font, size, places, width);
    return std::max(n, narrow ? 3 : 2);
}

std::vector<RowParagraph> episode_row_text(const Episode& e, bool warning, bool narrow, ImFont* font, float size,
                                           float width, int budget) {
    std::string head = warning ? "Warning sign" + kDot + clock_text(e.start) : clock_text(e.start);
    if (const std::string d = duration_text(e); !d.empty()) head += kDot + d;
    std::vector<std::string> places, feels;
    for (const RegionMark& m : e.regions) places.push_back(describe(m));
    for (Sensation s : e.sensations)   // "Tingling, burning", as sensations_text() says it
        feels.push_back(feels.empty() ? std::string(enum_label(s)) : lower_first(std::string(enum_label(s))));
    const std::string severity = severity_text(e);
    auto build = [&](std::size_t keep_places, std::size_t keep_feels) {
        std::vector<RowParagraph> out;
        const std::string where = places.empty() ? "Place not noted" : upper_first(list_text(places, keep_places));
        std::string feel = feels.empty() ? "" : list_text(feels, keep_feels);
        if (!feel.empty()) feel = upper_first(feel);
        if (narrow) {
            out.push_back({head, false});
            out.push_back({feel.empty() ? severity : severity + kDot + feel, true});
            out.push_back({where, true});
        } else {
            out.push_back({head + kDot + severity, false});
            out.push_back({feel.empty() ? where : where + kDot + feel, true});
        }
        return out;
    };
    // Fewer places first (the editor lists them all), then fewer feelings; each try
    // also with the quiet lines joined.
    std::size_t kp = places.size(), kf = feels.size();
    for (;;) {
        std::vector<RowParagraph> paras = build(kp, kf);
        measure(paras, font, size, width);
        if (total_lines(paras) <= budget) return paras;
        std::vector<RowParagraph> j = joined(paras);
        measure(j, font, size, width);
        if (total_lines(j) <= budget || (kp <= 1 && kf <= 1)) return total_lines(j) <= total_lines(paras) ? j : paras;
        if (kp > 1) --kp;
        else --kf;
    }
}

int checkin_line_budget(int episode_budget) { return std::min(episode_budget, 4); }

std::vector<RowParagraph> checkin_row_text(const CheckIn& c, ImFont* font, float size, float width, int budget) {
    std::vector<std::string> items;
    if (c.no_numbness) items.emplace_back("No numbness today");
    for (GeneralSymptom g : c.symptoms) items.emplace_back(enum_label(g));
    std::string what = list_text(items, items.size());
    std::vector<RowParagraph> paras{{"Daily check-in", false}};
    const std::string& note = c.note;
    auto text = [&](const std::string& n) {
        std::string t = what;
        if (!n.empty()) t += (t.empty() ? "" : kDot) + n;
        return t.empty() ? std::string("Nothing noted") : t;
    };
    auto fits = [&] {
        measure(paras, font, size, width);
        return total_lines(paras) <= budget;
    };
    paras.push_back({text(note), true});
    if (fits()) return paras;
    std::string tail;   // what is kept of the note
    if (!note.empty()) {
        // The note is shortened at a word; "(more)": the check-in page shows all of it.
        std::vector<std::size_t> cuts;
        for (std::size_t i = 0; i < note.size(); ++i)
            if (note[i] == ' ') cuts.push_back(i);
        std::size_t lo = 0, hi = cuts.size();   // how many words are kept: the most that fit
        while (lo < hi) {
            const std::size_t mid = (lo + hi + 1) / 2;
            paras[1].text = text(note.substr(0, cuts[mid - 1]) + " (more)");
            if (fits()) lo = mid;
            else hi = mid - 1;
        }
        tail = lo ? note.substr(0, cuts[lo - 1]) + " (more)" : "(note: tap to read)";
        paras[1].text = text(tail);
        if (fits()) return paras;
    }
    // Still too long: what was noted names fewer symptoms ("Back pain and 3 more").
    for (std::size_t keep = items.size(); keep-- > 1;) {
        what = list_text(items, keep);
        paras[1].text = text(tail);
        if (fits()) return paras;
    }
    if (!tail.empty()) {   // the shortest word for a note that is there
        paras[1].text = text("(more)");
        fits();
    }
    return paras;
}

}  // namespace nd::app
