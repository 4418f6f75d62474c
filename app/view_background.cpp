// Health background: who the diary is about (for the doctor's report), known
// facts (diabetes, alcohol, injuries, ...) and medicines. Every change goes
// through the undo stack; deleting moves a record to the bin.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "background_page_state.hpp"
#include "date_picker.hpp"
#include "enum_names.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "record_commands.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

void error_text(const std::string& e) {
    if (e.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped(ND_ICON_WARNING " %s", e.c_str());
    ImGui::PopStyleColor();
}

// The stored version of the record being edited, for undo (none for a new one).
template <class Record>
std::optional<Record> stored_version(const std::vector<Record>& stored, const std::string& id) {
    std::optional<Record> found;
    if (id.empty()) return found;
    for (const Record& old : stored)
        if (old.id == id) found = old;
    return found;
}

// Runs a form's save; when it went through, closes the form and says so.
template <class Draft>
bool save_and_close(AppState& s, Command cmd, std::optional<Draft>& form) {
    if (!s.run(std::move(cmd))) return false;
    form.reset();
    s.show_toast("Saved");
    return true;
}

void draw_profile(AppState& s, BackgroundPage& pg) {
    if (pg.profile_revision != s.revision && !pg.profile_dirty) {
        pg.profile = s.diary.profile;
        pg.profile_revision = s.revision;
    }
    begin_card("##profile");
    heading(s.fonts, "About you");
    muted_text("Optional. Shown on the report for your doctor.");
    if (text_field(s, "Name", pg.profile.name)) pg.profile_dirty = true;
    const LocalDate today = local_date(s.now_local());
    // Picked, not typed (issue 12); a birth date starts the calendar 60 years back.
    const LocalDate sixty_back = date_from_days(days_since_epoch(today).value_or(0) - 60 * 365);
    if (date_picker_field(date_look(s), "Birth date", "birth", pg.profile.birth_date, sixty_back, today, true, true))
        pg.profile_dirty = true;
    if (text_field(s, "Health-service number", pg.profile.health_number, "e.g. your NHS number")) pg.profile_dirty = true;
    if (date_picker_field(date_look(s), "When it first began", "began", pg.profile.complaint_began, today, today, true, true))
        pg.profile_dirty = true;
    // Questions for my doctor: printed on the report's first page.
    ImGui::TextWrapped("Questions for my doctor");   // wraps on a phone at Largest
    int remove = -1;
    for (std::size_t i = 0; i < pg.profile.questions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("%zu. %s", i + 1, pg.profile.questions[i].c_str());
        if (chip(s, "Remove##question", false)) remove = static_cast<int>(i);
        record_item(s, "question:remove:" + std::to_string(i));
        ImGui::PopID();
    }
    if (remove >= 0) {
        pg.profile.questions.erase(pg.profile.questions.begin() + remove);
        pg.profile_dirty = true;
    }
    text_field(s, "New question", pg.new_question, "e.g. Could this come from my back?");
    if (chip(s, ND_ICON_PLUS " Add the question##question", false)) {
        std::string q = pg.new_question;
        for (char& c : q)
            if (c == '\n' || c == '\r') c = ' ';
        while (!q.empty() && q.back() == ' ') q.pop_back();
        if (!q.empty() && pg.profile.questions.size() < 50) {
            pg.profile.questions.push_back(q);
            pg.new_question.clear();
            pg.profile_dirty = true;
        }
    }
    record_item(s, "question:add");
    error_text(pg.profile_error);
    ImGui::BeginDisabled(!pg.profile_dirty);
    if (big_button(s, ND_ICON_CHECK " Save##profile", 0)) {
        pg.profile_error = date_problem(pg.profile.birth_date, true);
        if (pg.profile_error.empty() && pg.profile.birth_date > local_date(s.now_local()))
            pg.profile_error = "The birth date is in the future. Please check it.";
        if (pg.profile_error.empty()) pg.profile_error = date_problem(pg.profile.complaint_began, true);
        if (pg.profile_error.empty() && pg.profile.complaint_began > local_date(s.now_local()))
            pg.profile_error = "The date the numbness began is in the future. Please check it.";
        if (pg.profile_error.empty() && s.run(set_profile_command(s.diary.profile, pg.profile))) {
            pg.profile_dirty = false;
            s.show_toast("Saved");
        }
    }
    ImGui::EndDisabled();
    end_card();
}

std::string fact_text(AppState& s, const BackgroundFact& f) {
    std::string out(enum_label(f.kind));
    if (f.kind == FactKind::AlcoholUse && f.amount) {
        char buf[32];
        std::snprintf(buf, sizeof buf, ": %g a week", *f.amount);
        out += buf;
    }
    if (!f.detail.empty()) out += " \xc2\xb7 " + f.detail;
    if (!f.since.empty()) out += " \xc2\xb7 since " + format_date(f.since, s.settings.date_format);
    return out;
}

std::string medicine_text(AppState& s, const Medicine& m) {
    std::string out = m.name;
    if (!m.dose.empty()) out += " " + m.dose;
    if (!m.when_taken.empty()) out += ", " + m.when_taken;
    if (!m.since.empty()) out += " \xc2\xb7 since " + format_date(m.since, s.settings.date_format);
    out += m.helped == TriState::Yes ? " \xc2\xb7 helped" : m.helped == TriState::No ? " \xc2\xb7 did not help" : "";
    if (!m.note.empty()) out += " \xc2\xb7 " + m.note;
    return out;
}

// A record's line with Edit and Delete buttons; returns 1 edit, 2 delete.
int record_row(AppState& s, const std::string& text, const std::string& key) {
    ImGui::TextWrapped("%s", text.c_str());
    int action = 0;
    if (big_button(s, (ND_ICON_PENCIL " Change##" + key).c_str(), 0, ButtonKind::Secondary)) action = 1;
    ImGui::SameLine();
    if (big_button(s, (ND_ICON_TRASH " Delete##" + key).c_str(), 0, ButtonKind::Quiet)) action = 2;
    ImGui::Separator();
    return action;
}

void draw_fact_form(AppState& s, BackgroundPage& pg) {
    FactDraft& d = *pg.fact;
    begin_card("##factform");
    heading(s.fonts, d.fact.id.empty() ? "Add to your background" : "Change this");
    enum_choice<FactKind>(s, "kind", d.fact.kind);
    if (d.fact.kind == FactKind::AlcoholUse) text_field(s, "Drinks a week", d.amount_text, "e.g. 4");
    text_field(s, "Details (your words)", d.fact.detail, "e.g. type 2");
    date_field(s, "Since (optional)##fact", d.fact.since);
    error_text(d.error);
    if (big_button(s, ND_ICON_CHECK " Save##fact")) {
        BackgroundFact f = d.fact;
        d.error = date_problem(f.since, true);
        f.amount.reset();
        if (d.error.empty() && f.kind == FactKind::AlcoholUse && !d.amount_text.empty()) {
            char* end = nullptr;
            const double v = std::strtod(d.amount_text.c_str(), &end);
            if (end == d.amount_text.c_str() || *end != '\0' || v < 0 || v > 500)
                d.error = "Drinks a week should be a number, like 4 (or leave it empty).";
            else
                f.amount = v;
        }
        if (d.error.empty() && save_and_close(s, put_fact_command(f, stored_version(s.diary.facts, f.id)), pg.fact)) {
            end_card();
            return;
        }
    }
    ImGui::SameLine();
    if (big_button(s, "Cancel##fact", 0, ButtonKind::Quiet)) pg.fact.reset();
    end_card();
}

void draw_medicine_form(AppState& s, BackgroundPage& pg) {
    MedicineDraft& d = *pg.medicine;
    Medicine& m = d.medicine;
    begin_card("##medform");
    heading(s.fonts, m.id.empty() ? "Add a medicine" : "Change this medicine");
    text_field(s, "Medicine", m.name, "e.g. Metformin");
    text_field(s, "Dose", m.dose, "e.g. 500 mg");
    text_field(s, "When you take it", m.when_taken, "e.g. mornings and evenings");
    date_field(s, "Since (optional)##med", m.since);
    ImGui::TextUnformatted("Did it help the numbness?");
    enum_choice<TriState>(s, "helped", m.helped);
    note_field(s, "Note##med", m.note);
    error_text(d.error);
    if (big_button(s, ND_ICON_CHECK " Save##med")) {
        d.error = m.name.empty() ? "Please write the medicine's name." : date_problem(m.since, true);
        if (d.error.empty() &&
            save_and_close(s, put_medicine_command(m, stored_version(s.diary.medicines, m.id)), pg.medicine)) {
            end_card();
            return;
        }
    }
    ImGui::SameLine();
    if (big_button(s, "Cancel##med", 0, ButtonKind::Quiet)) pg.medicine.reset();
    end_card();
}

}  // namespace

void draw_background(AppState& s, PageStates& pages) {
    BackgroundPage& pg = pages.background;
    draw_profile(s, pg);

    begin_card("##facts");
    heading(s.fonts, "Health facts");
    muted_text("Conditions, injuries and habits that can matter for numbness, such as diabetes or alcohol.");
    int n = 0;
    for (const BackgroundFact& f : s.diary.facts) {
        if (f.deleted_utc) continue;
        ++n;
        const int a = record_row(s, fact_text(s, f), f.id);
        if (a == 1) {
            char amount[32] = "";
            if (f.amount) std::snprintf(amount, sizeof amount, "%g", *f.amount);
            pg.fact = FactDraft{f, amount, ""};
        }
        if (a == 2 && s.run(delete_fact_command(f))) s.show_toast("Deleted. Undo brings it back.");
        if (a) break;   // the list changed under us
    }
    if (!n) muted_text("Nothing added yet.");
    if (!pg.fact && big_button(s, ND_ICON_PLUS " Add a health fact", 0, ButtonKind::Secondary)) pg.fact = FactDraft{};
    end_card();
    if (pg.fact) draw_fact_form(s, pg);

    begin_card("##medicines");
    heading(s.fonts, "Medicines");
    n = 0;
    for (const Medicine& m : s.diary.medicines) {
        if (m.deleted_utc) continue;
        ++n;
        const int a = record_row(s, medicine_text(s, m), m.id);
        if (a == 1) pg.medicine = MedicineDraft{m, ""};
        if (a == 2 && s.run(delete_medicine_command(m))) s.show_toast("Deleted. Undo brings it back.");
        if (a) break;
    }
    if (!n) muted_text("No medicines added yet.");
    if (!pg.medicine && big_button(s, ND_ICON_PLUS " Add a medicine", 0, ButtonKind::Secondary)) pg.medicine = MedicineDraft{};
    end_card();
    if (pg.medicine) draw_medicine_form(s, pg);
}

}  // namespace nd::app
