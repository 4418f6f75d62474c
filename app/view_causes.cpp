// Possible causes: the red flags first (with the emergency number for stroke
// signs), then the statement that this is not a diagnosis, then every cause of
// the catalog ranked by how well the diary fits, with the evidence for and
// against (open a line to see its episodes), what to log next, and the cause's
// own description and sources.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "causes_page_state.hpp"
#include "diary_analysis.hpp"
#include "episode_text.hpp"
#include "form_util.hpp"
#include "emergency_text.hpp"
#include "icons.hpp"
#include "match_figures.hpp"
#include "red_flag_cards.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// Groups the red flags by reason once per change (and once more when the match catches
// up): a flag repeated for the same reason shows once, with its count and dates. They are
// of the diary as it is now, whatever the match's revision (match_figures.hpp).
void index_red_flags(AppState& s, CausesPage& pg, const MatchFigures* fig) {
    // Without a worker the match catches up a slice a frame: judge no more than a slice
    // now (the changed episodes always are; the rest keep their known flags meanwhile).
    const bool worker = s.services && s.services->threads_available();
    const std::size_t most = worker ? SIZE_MAX : analysis(s).step_budget();
    pg.red_flag_groups = fig ? current_red_flag_groups(s, fig->revision, &fig->match.red_flags, &fig->flag_starts, most)
                             : current_red_flag_groups(s, nullptr);
    pg.revision = s.revision;
    pg.figures_revision = fig ? fig->revision : ~0ull;
}

void draw_red_flags_first(AppState& s, CausesPage& pg) { draw_red_flag_cards(red_flag_cards_look(s), pg.red_flag_groups, "causes"); }

// Fast spreads already logged along the same path without other signs: shown as a
// pattern, not an alarm (the first one of each path was flagged).
void draw_familiar_spreads(AppState& s, const MatchResult& match) {
    for (const FamiliarSpread& f : match.familiar_spreads) {
        ImGui::PushID(&f);
        begin_card("##familiar");
        heading(s.fonts, "A familiar pattern, not a new alarm");
        record_item(s, "causes:red_flag:familiar:" + f.path);
        ImGui::TextWrapped("Numbness running %s, as logged before: %s.", f.path.c_str(),
                           count_and_dates_text(s.settings.date_format, f.count, f.dates).c_str());
        muted_text("If it ever spreads further, reaches both legs, or comes with weakness, bladder or bowel "
                   "changes or numbness between the legs, get urgent care.");
        end_card();
        ImGui::PopID();
    }
}

void draw_list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", heading);
    ImGui::PopStyleColor();
    for (const std::string& item : items) bullet_text(item.c_str());
}

void draw_evidence(AppState& s, CausesPage& pg, const MatchFigures& fig, const CauseMatch& m, std::size_t i) {
    const Palette& p = palette();
    const EvidenceLine& ev = m.evidence[i];
    const std::string key = m.cause_id + "#" + std::to_string(i);
    const bool open = pg.open_evidence.count(key) > 0;
    ImGui::PushID(static_cast<int>(i));
    const char* mark = ev.supports ? ND_ICON_CHECK : ND_ICON_TIMES;
    ImGui::PushStyleColor(ImGuiCol_Text, ev.supports ? p.success : p.danger);
    ImGui::TextUnformatted(mark);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const bool has_eps = !ev.episode_indices.empty();
    ImGui::PushTextWrapPos(0);
    ImGui::TextWrapped("%s%s", ev.supports ? "" : "Against: ", ev.text.c_str());
    ImGui::PopTextWrapPos();
    if (has_eps) {
        const std::string label = (open ? std::string(ND_ICON_CHEVRON_DOWN " Hide the episodes")
                                        : std::string(ND_ICON_CHEVRON_RIGHT " See the ") + std::to_string(ev.episode_indices.size()) +
                                              (ev.episode_indices.size() == 1 ? " episode" : " episodes")) + "##eps";
        ImGui::Indent(ImGui::GetFontSize() * 1.4f);
        if (big_button(s, label.c_str(), 0, ButtonKind::Quiet)) {
            if (open) pg.open_evidence.erase(key);
            else pg.open_evidence.insert(key);
        }
        record_item(s, "causes:evidence:" + key);
        if (open) {
            // Found by id: the match may be of the diary before the latest change.
            for (std::size_t k = 0; k < ev.episode_indices.size(); ++k) {
                if (k == kEvidenceEpisodesShown) {
                    muted_text(("and " + std::to_string(ev.episode_indices.size() - kEvidenceEpisodesShown) +
                                " more (see the Diary)").c_str());
                    break;
                }
                const Episode* e = evidence_episode(s, fig, ev.episode_indices[k]);
                if (!e) continue;   // deleted since the match
                muted_text(episode_line_with_date(*e, format_date(local_date(e->start), s.settings.date_format)).c_str());
            }
        }
        ImGui::Unindent(ImGui::GetFontSize() * 1.4f);
    }
    ImGui::PopID();
}

void draw_cause(AppState& s, CausesPage& pg, const MatchFigures& fig, const CauseMatch& m, int rank) {
    const Palette& p = palette();
    const bool open = pg.open_causes.count(m.cause_id) > 0;
    ImGui::PushID(m.cause_id.c_str());
    begin_card("##cause");
    heading(s.fonts, (std::to_string(rank) + ". " + m.name).c_str());
    record_item(s, "causes:cause:" + m.cause_id);
    ImGui::PushStyleColor(ImGuiCol_Text, m.fit == Fit::FitsWell ? p.accent : p.text_muted);
    ImGui::TextWrapped("%s", m.fit_text.c_str());
    ImGui::PopStyleColor();
    record_item(s, "causes:cause:fit:" + m.cause_id + ":" + fit_label(m.fit));
    const Cause* c = s.catalog.find(m.cause_id);
    if (c && !c->urgency.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped(ND_ICON_WARNING " %s", c->urgency.c_str());
        ImGui::PopStyleColor();
    }
    for (std::size_t i = 0; i < m.evidence.size(); ++i) draw_evidence(s, pg, fig, m, i);
    if (m.evidence.empty()) muted_text("Nothing in the diary speaks for or against this yet.");
    if (!m.unknowns.empty()) {
        heading(s.fonts, "What to log next");
        for (const std::string& u : m.unknowns) bullet_text(u.c_str());
    }
    const std::string more = open ? ND_ICON_CHEVRON_DOWN " Less about this cause##more" : ND_ICON_CHEVRON_RIGHT " About this cause##more";
    if (big_button(s, more.c_str(), 0, ButtonKind::Quiet)) {
        if (open) pg.open_causes.erase(m.cause_id);
        else pg.open_causes.insert(m.cause_id);
    }
    record_item(s, "causes:about:" + m.cause_id);
    if (open && c) {
        ImGui::TextWrapped("%s", c->summary.c_str());
        draw_list("Where it is usually felt", c->where);
        draw_list("What it feels like", c->feels_like);
        draw_list("What brings it on", c->brought_on_by);
        draw_list("What eases it", c->relieved_by);
        draw_list("How it usually goes", c->course);
        draw_list("Who gets it more often", c->risk_factors);
        draw_list("What speaks against it", c->against);
        if (!c->log_next.empty()) draw_list("Worth noting in the diary", c->log_next);
        if (!c->sources.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
            ImGui::TextUnformatted("Sources");
            ImGui::PopStyleColor();
            for (std::size_t i = 0; i < c->sources.size(); ++i) {
                const Citation& src = c->sources[i];
                ImGui::PushID(static_cast<int>(i));
                bullet_text(src.title.c_str());
                if (!src.url.empty()) {
                    ImGui::Indent(ImGui::GetFontSize() * 1.4f);
                    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextWrapped("%s", src.url.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::PopStyleColor();
                    if (ImGui::IsItemClicked() && s.services) s.services->open_path(src.url);
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open in the web browser");
                    ImGui::Unindent(ImGui::GetFontSize() * 1.4f);
                }
                ImGui::PopID();
            }
        }
    }
    end_card();
    ImGui::PopID();
}

}  // namespace

void draw_causes(AppState& s, PageStates& pages) {
    CausesPage& pg = pages.causes;
    // The match of this revision, or the latest one while the worker matches again
    // (never a frozen frame after a change, issue 19); the red flags are current anyway.
    const std::shared_ptr<const MatchFigures> fig = analysis(s).match(s);
    if (pg.revision != s.revision || pg.figures_revision != (fig ? fig->revision : ~0ull)) index_red_flags(s, pg, fig.get());
    draw_red_flags_first(s, pg);
    if (fig) draw_familiar_spreads(s, fig->match);

    begin_card("##disclaimer");
    ImGui::TextWrapped(ND_ICON_USER_MD "  %s", disclaimer());
    end_card();

    if (!s.catalog_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("The list of causes could not be loaded: %s", s.catalog_error.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!fig) {
        muted_text("Comparing your diary with the known causes...");
        record_item(s, "causes:matching");
        return;
    }
    const MatchResult& match = fig->match;
    if (fig->revision != s.revision) {
        muted_text("Updating this comparison with the latest change.");
        record_item(s, "causes:updating");
    }
    const bool too_few = match.episodes_considered < match.minimum_episodes;
    if (too_few) {
        // The same rule as `numbness-diary-cli match` and the PDF (core/matching_thresholds.hpp).
        const int n = match.episodes_considered;
        muted_text(("The diary cannot tell yet: you have logged " + std::to_string(n) +
                    (n == 1 ? " episode" : " episodes") + ", and it takes at least " +
                    std::to_string(match.minimum_episodes) +
                    " before your pattern is compared with the known causes.").c_str());
        record_item(s, "causes:cause:cannot_tell_yet");   // text, not a control (touch-size checks skip these keys)
    }
    heading(s.fonts, too_few ? "Known causes" : "Known causes, closest match first");
    int rank = 0;
    for (const CauseMatch& m : match.causes) draw_cause(s, pg, *fig, m, ++rank);
}

}  // namespace nd::app
