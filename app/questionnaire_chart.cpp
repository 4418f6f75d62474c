#include "questionnaire_chart.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "charts.hpp"
#include "theme.hpp"
#include "time_util.hpp"

namespace nd::app {

void questionnaire_score_chart(float display_scale, const Questionnaire& q,
                               const std::vector<const QuestionnaireResponse*>& responses) {
    if (responses.empty() || q.score_max <= 0) return;
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = display_scale;
    const float line = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x;
    const std::string max_label = std::to_string(q.score_max);
    const float axis_w = ImGui::CalcTextSize(max_label.c_str()).x + 8 * sc;
    const float plot_h = std::max(140.0f * sc, line * 7);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float top = a.y + line * 0.5f, base = top + plot_h;
    const float x_left = a.x + axis_w, plot_w = w - axis_w;
    auto y_of = [&](int v) { return base - plot_h * static_cast<float>(v) / static_cast<float>(q.score_max); };

    for (int v : {0, q.score_max}) {
        dl->AddLine(ImVec2(x_left, y_of(v)), ImVec2(x_left + plot_w, y_of(v)), ImGui::GetColorU32(p.border));
        const std::string t = std::to_string(v);
        dl->AddText(ImVec2(a.x, y_of(v) - line * 0.5f), ImGui::GetColorU32(p.text_muted), t.c_str());
    }
    // Cut-offs: a dashed line each, labelled with its value at the right end.
    for (const auto& c : q.cutoffs) {
        const float y = y_of(c.at_least);
        for (float x = x_left; x < x_left + plot_w; x += 12 * sc)
            dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 6 * sc, x_left + plot_w), y), ImGui::GetColorU32(p.danger),
                        1.5f * sc);
        const std::string t = std::to_string(c.at_least);
        dl->AddText(ImVec2(a.x, y - line * 0.5f), ImGui::GetColorU32(p.danger), t.c_str());
    }
    // Points by date; a single response sits in the middle.
    const std::int64_t t0 = responses.front()->taken.utc, t1 = responses.back()->taken.utc;
    const float pad = 10 * sc;
    auto x_of = [&](std::int64_t t) {
        if (t1 == t0) return x_left + plot_w * 0.5f;
        return x_left + pad + (plot_w - 2 * pad) * static_cast<float>(t - t0) / static_cast<float>(t1 - t0);
    };
    ImVec2 prev;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        const ImVec2 pt(x_of(responses[i]->taken.utc), y_of(responses[i]->score));
        if (i > 0) dl->AddLine(prev, pt, ImGui::GetColorU32(p.accent), 2.5f * sc);
        dl->AddCircleFilled(pt, 5.0f * sc, ImGui::GetColorU32(p.accent));
        const std::string v = std::to_string(responses[i]->score);
        dl->AddText(ImVec2(pt.x - ImGui::CalcTextSize(v.c_str()).x * 0.5f, pt.y - line - 4 * sc),
                    ImGui::GetColorU32(p.text), v.c_str());
        prev = pt;
    }
    const std::string first = short_date(local_date(responses.front()->taken));
    const std::string last = short_date(local_date(responses.back()->taken));
    dl->AddText(ImVec2(x_left, base + 4), ImGui::GetColorU32(p.text_muted), first.c_str());
    if (responses.size() > 1)
        dl->AddText(ImVec2(x_left + plot_w - ImGui::CalcTextSize(last.c_str()).x, base + 4),
                    ImGui::GetColorU32(p.text_muted), last.c_str());
    ImGui::Dummy(ImVec2(w, base + 4 + line - a.y));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(p.text_muted, "Dashed lines: the cut-offs (%s) from the studies named below.",
                       [&] {
                           std::string c;
                           for (const auto& k : q.cutoffs) c += (c.empty() ? "" : " and ") + std::to_string(k.at_least);
                           return c;
                       }()
                           .c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace nd::app
