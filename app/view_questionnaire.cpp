// Standard questionnaires (docs/questionnaires.md): an overview with each one's
// latest score and a chart over time; answering asks one question at a time in
// large type with big Yes / No buttons; the result says what the score means and
// what it does not (a screening score, never a diagnosis). Also the Diary page's
// dismissable "retake every 3 months" card.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "form_util.hpp"
#include "icons.hpp"
#include "questionnaire_chart.hpp"
#include "questionnaire_commands.hpp"
#include "questionnaire_page.hpp"
#include "store.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

void ensure_loaded(AppState& s, QuestionnairePage& pg) {
    if (pg.loaded) return;
    pg.loaded = true;
    try {
        const std::string dir = s.services ? s.services->assets_dir() : std::string();
        pg.list = dir.empty() ? load_default_questionnaires() : load_questionnaires_dir(dir + "/questionnaires");
    } catch (const std::exception& e) {
        pg.load_error = e.what();
    }
}

bool pain_logged(const AppState& s) {
    return std::any_of(s.diary.episodes.begin(), s.diary.episodes.end(),
                       [](const Episode& e) { return !e.deleted_utc && e.pain > 0; });
}

// Offered now: always, or (DN4-like files) only once pain has been logged.
bool offered(const AppState& s, const Questionnaire& q) {
    return q.offer_when == OfferWhen::Always || pain_logged(s);
}

std::vector<const QuestionnaireResponse*> responses_of(const AppState& s, const std::string& id) {
    std::vector<const QuestionnaireResponse*> out;
    for (const auto& r : s.diary.questionnaire_responses)
        if (!r.deleted_utc && r.questionnaire == id) out.push_back(&r);
    return out;   // the diary keeps them oldest first
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void large(AppState& s, ImFont* font, const std::string& text) {
    if (font) ImGui::PushFont(font);
    wrapped(text);
    if (font) ImGui::PopFont();
    (void)s;
}

void start(QuestionnairePage& pg, const Questionnaire& q) {
    pg.active = q.id;
    pg.step = 0;
    pg.answers.clear();
    pg.result.reset();
}

void draw_question(AppState& s, QuestionnairePage& pg, const Questionnaire& q) {
    const auto& item = q.items[pg.step];
    begin_card("##question");
    muted_text(("Question " + std::to_string(pg.step + 1) + " of " + std::to_string(q.items.size()) + "  -  " +
                q.short_title).c_str());
    if (pg.step == 0) muted_text(q.intro.c_str());
    ImGui::Spacing();
    large(s, s.fonts.huge, item.text);
    ImGui::Spacing();
    // The published patient form shows no scoring, so neither do the buttons.
    for (const auto& o : q.options) {
        const std::string label = o.label + "##answer_" + o.code;
        if (big_button(s, label.c_str(), -1, ButtonKind::Primary)) {
            pg.answers.resize(pg.step);
            pg.answers.push_back({item.id, o.code});
            if (++pg.step == q.items.size()) {
                // Every question answered: score and save (undoable).
                try {
                    QuestionnaireResponse r = make_response(q, pg.answers, s.now_local());
                    auto cmd = add_questionnaire_response_command(r);
                    auto id = cmd.touched_id;
                    if (s.run(std::move(cmd))) {
                        r.id = id ? *id : std::string();
                        pg.result = r;
                        s.show_toast("Saved");
                    }
                } catch (const std::exception& e) {
                    s.show_toast(e.what());
                }
                pg.active.clear();
                pg.step = 0;
                pg.answers.clear();
            }
            break;
        }
    }
    end_card();
    if (pg.step > 0 && big_button(s, ND_ICON_ARROW_LEFT " Back##question", 0, ButtonKind::Secondary)) --pg.step;
    if (pg.step > 0) ImGui::SameLine();
    if (big_button(s, "Stop without saving##question", 0, ButtonKind::Quiet)) {
        pg.active.clear();
        pg.answers.clear();
        pg.step = 0;
    }
}

void draw_meaning(AppState& s, const Questionnaire& q, int score) {
    large(s, s.fonts.huge, "Score " + std::to_string(score) + " of " + std::to_string(q.score_max));
    if (const auto* c = q.cutoff_reached(score)) {
        large(s, s.fonts.bold, c->label);
    } else {
        large(s, s.fonts.bold, "Below the cut-offs used in studies (" + std::to_string(q.cutoffs.front().at_least) +
                                   " or more).");
    }
    ImGui::Spacing();
    section_heading(s.fonts, "What it means");
    wrapped(q.meaning);
    section_heading(s.fonts, "What it does not mean");
    wrapped(q.not_meaning);
}

void draw_overview(AppState& s, QuestionnairePage& pg) {
    if (pg.result) {
        const Questionnaire* q = find_questionnaire(pg.list, pg.result->questionnaire);
        if (q) {
            begin_card("##result");
            muted_text((q->short_title + ", " + format_date(local_date(pg.result->taken), s.settings.date_format)).c_str());
            draw_meaning(s, *q, pg.result->score);
            if (big_button(s, "Done##result", 0)) pg.result.reset();
            end_card();
        } else {
            pg.result.reset();
        }
    }
    for (const auto& q : pg.list) {
        const auto history = responses_of(s, q.id);
        begin_card(("##q_" + q.id).c_str());
        heading(s.fonts, q.title.c_str());
        muted_text((std::to_string(q.items.size()) + " yes/no questions about the feeling in your legs and feet, "
                    "about 3 minutes. Suggested every " + std::to_string(q.retake_days / 30) + " months.").c_str());
        if (!offered(s, q)) {
            muted_text("Offered once you have logged pain.");
        } else if (big_button(s, (std::string(ND_ICON_PLAY " Start##") + q.id).c_str(), 0)) {
            start(pg, q);
        }
        if (!history.empty()) {
            const auto& last = *history.back();
            ImGui::Spacing();
            wrapped("Latest: " + describe_score(q, last.score) + " (" +
                    format_date(local_date(last.taken), s.settings.date_format) + ")");
            section_heading(s.fonts, "Scores over time");
            questionnaire_score_chart(s.display_scale, q, history);
            for (auto it = history.rbegin(); it != history.rend(); ++it) {
                const auto& r = **it;
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%s   score %d", format_date(local_date(r.taken), s.settings.date_format).c_str(), r.score);
                ImGui::SameLine();
                const std::string del = std::string(ND_ICON_TRASH "##del_") + r.id;
                if (big_button(s, del.c_str(), 0, ButtonKind::Quiet)) s.run(delete_questionnaire_response_command(r));
            }
        }
        section_heading(s.fonts, "Sources");
        for (const auto& c : q.sources) muted_text(c.title.c_str());
        muted_text(q.licence.c_str());
        end_card();
    }
    muted_text("The DN4 pain questionnaire is not included: its licence does not allow it in this app.");
}

}  // namespace

void draw_questionnaire(AppState& s, PageStates& pages) {
    QuestionnairePage& pg = pages.questionnaire;
    ensure_loaded(s, pg);
    if (!pg.load_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        wrapped(std::string(ND_ICON_WARNING " The questionnaires could not be loaded: ") + pg.load_error);
        ImGui::PopStyleColor();
        return;
    }
    if (!pg.active.empty()) {
        if (const Questionnaire* q = find_questionnaire(pg.list, pg.active); q && pg.step < q->items.size()) {
            draw_question(s, pg, *q);
            return;
        }
        pg.active.clear();
    }
    draw_overview(s, pg);
}

void draw_questionnaire_retake_card(AppState& s, QuestionnairePage& pg) {
    if (!s.store || s.demo_mode) return;
    ensure_loaded(s, pg);
    const std::int64_t now = s.now_utc();
    if (const auto hidden = s.store->setting(kRetakeCardHiddenUntil)) {
        try {
            if (now < std::stoll(*hidden)) return;
        } catch (const std::exception&) {
        }
    }
    for (const auto& q : pg.list) {
        if (!offered(s, q)) continue;
        const auto history = responses_of(s, q.id);
        const std::int64_t due_after = static_cast<std::int64_t>(q.retake_days) * 86400;
        if (!history.empty() && now - history.back()->taken.utc < due_after) continue;
        begin_card(("##retake_" + q.id).c_str());
        heading(s.fonts, (std::string(ND_ICON_CLIPBOARD "  ") + q.short_title + " questionnaire").c_str());
        if (history.empty())
            muted_text(("A standard questionnaire doctors know: " + std::to_string(q.items.size()) +
                        " yes/no questions. Taking it every " + std::to_string(q.retake_days / 30) +
                        " months shows how things change.").c_str());
        else
            muted_text(("Last taken " + format_date(local_date(history.back()->taken), s.settings.date_format) +
                        " (score " + std::to_string(history.back()->score) + "). It is time to take it again.")
                           .c_str());
        if (big_button(s, "Take it now##retake", 0)) {
            start(pg, q);
            s.page = Page::Questionnaire;
        }
        ImGui::SameLine();
        if (big_button(s, "Not now##retake", 0, ButtonKind::Quiet))
            s.store->set_setting(kRetakeCardHiddenUntil, std::to_string(now + due_after));
        end_card();
        return;   // one card at a time
    }
}

}  // namespace nd::app
