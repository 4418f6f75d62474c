// `numbness-diary-cli background ...` (profile, facts, medicines) and `numbness-diary-cli checkin`.
#include <iostream>

#include "cli.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

nd::LocalDate today(const Context& ctx) { return nd::local_date({ctx.now, ctx.offset_min}); }

nd::LocalDate past_date(const Context& ctx, const std::string& flag, const std::string& text) {
    auto d = parse_date(flag, text, ctx);
    if (d > today(ctx)) throw UsageError(flag + ": " + d + " is in the future");
    return d;
}

int run_background_list(const Args& a, Context& ctx) {
    auto store = ctx.open_existing_store();
    if (a.has("--json")) {
        std::cout << background_json(*store);
        return 0;
    }
    const auto p = store->profile();
    std::cout << "Name        " << (p.name.empty() ? "-" : p.name) << "\n"
              << "Born        " << (p.birth_date.empty() ? "-" : p.birth_date) << "\n"
              << "Began       " << (p.complaint_began.empty() ? "-" : p.complaint_began) << "\n"
              << "Health no.  " << (p.health_number.empty() ? "-" : p.health_number) << "\n"
              << "\nQuestions for my doctor:\n";
    if (p.questions.empty()) std::cout << "  (none)\n";
    for (std::size_t i = 0; i < p.questions.size(); ++i) std::cout << "  " << i + 1 << ". " << p.questions[i] << "\n";
    std::cout << "\nFacts:\n";
    const auto facts = store->facts();
    if (facts.empty()) std::cout << "  (none)\n";
    for (const auto& f : facts) {
        std::cout << "  " << f.id << "  " << nd::enum_id(f.kind);
        if (f.amount) std::cout << "  amount " << *f.amount;
        if (!f.since.empty()) std::cout << "  since " << f.since;
        if (!f.detail.empty()) std::cout << "  " << f.detail;
        std::cout << "\n";
    }
    std::cout << "\nMedicines:\n";
    const auto meds = store->medicines();
    if (meds.empty()) std::cout << "  (none)\n";
    for (const auto& m : meds) {
        std::cout << "  " << m.id << "  " << m.name;
        if (!m.dose.empty()) std::cout << "  " << m.dose;
        if (!m.when_taken.empty()) std::cout << ", " << m.when_taken;
        if (!m.since.empty()) std::cout << "  since " << m.since;
        std::cout << "  helped: " << nd::enum_id(m.helped) << "\n";
    }
    return 0;
}

int run_background_set(const Args& a, Context& ctx) {
    if (!a.has("--name") && !a.has("--birth-date") && !a.has("--clear") && !a.has("--complaint-began") &&
        !a.has("--health-number") && !a.has("--question") && !a.has("--clear-questions"))
        throw UsageError("give --name, --birth-date, --complaint-began, --health-number, --question, "
                         "--clear-questions or --clear");
    auto store = ctx.open_store();
    auto p = store->profile();
    if (a.has("--clear")) {
        const std::string patient = p.fhir_patient_id;   // the FHIR Patient stays the same person
        p = {};
        p.fhir_patient_id = patient;
    }
    if (auto v = a.get("--name")) p.name = *v;
    if (auto v = a.get("--birth-date")) p.birth_date = past_date(ctx, "--birth-date", *v);
    if (auto v = a.get("--complaint-began")) p.complaint_began = past_date(ctx, "--complaint-began", *v);
    if (auto v = a.get("--health-number")) p.health_number = *v;
    if (a.has("--clear-questions")) p.questions.clear();
    for (const auto& q : a.all("--question")) {
        if (q.find('\n') != std::string::npos || q.find('\r') != std::string::npos)
            throw UsageError("--question: one line, please");
        if (!q.empty()) p.questions.push_back(q);
    }
    store->set_profile(p);
    std::cout << "Profile saved\n";
    return 0;
}

int run_add_fact(const Args& a, Context& ctx) {
    nd::BackgroundFact f;
    const auto kind = a.get("--kind");
    if (!kind) throw UsageError("--kind is required (valid: " + valid_ids<nd::FactKind>() + ")");
    f.kind = parse_id<nd::FactKind>("--kind", *kind);
    if (auto v = a.get("--detail")) f.detail = *v;
    if (auto v = a.get("--since")) f.since = past_date(ctx, "--since", *v);
    if (auto v = a.get("--amount")) f.amount = parse_number("--amount", *v, 0, 1000);
    if (f.kind == nd::FactKind::AlcoholUse && !f.amount)
        throw UsageError("--amount is required for alcohol_use (drinks a week)");
    auto store = ctx.open_store();
    std::cout << store->put_fact(f).id << "\n";
    return 0;
}

int run_add_medicine(const Args& a, Context& ctx) {
    nd::Medicine m;
    const auto name = a.get("--name");
    if (!name || name->empty()) throw UsageError("--name is required");
    m.name = *name;
    if (auto v = a.get("--dose")) m.dose = *v;
    if (auto v = a.get("--when")) m.when_taken = *v;
    if (auto v = a.get("--since")) m.since = past_date(ctx, "--since", *v);
    if (auto v = a.get("--helped")) m.helped = parse_id<nd::TriState>("--helped", *v);
    if (auto v = a.get("--note")) m.note = *v;
    auto store = ctx.open_store();
    std::cout << store->put_medicine(m).id << "\n";
    return 0;
}

int run_checkin_list(const Args& a, Context& ctx) {
    std::optional<nd::LocalDate> from, to;
    if (auto v = a.get("--from")) from = parse_date("--from", *v, ctx);
    if (auto v = a.get("--to")) to = parse_date("--to", *v, ctx);
    auto store = ctx.open_existing_store();
    std::vector<nd::CheckIn> shown;
    for (const auto& c : store->checkins(a.has("--deleted")))
        if (!(from && c.date < *from) && !(to && c.date > *to)) shown.push_back(c);
    if (a.has("--json")) {
        std::cout << checkins_json(shown);
        return 0;
    }
    for (const auto& c : shown)
        std::cout << c.id << "  " << c.date << "  " << (c.no_numbness ? "no numbness" : "numbness")
                  << "  symptoms: " << (c.symptoms.empty() ? "-" : nd::join_ids(c.symptoms))
                  << (c.note.empty() ? "" : "  note: " + c.note) << (c.deleted_utc ? "  [in bin]" : "") << "\n";
    if (shown.empty()) std::cout << "(no check-ins)\n";
    return 0;
}

int run_checkin(const Args& a, Context& ctx) {
    nd::CheckIn c;
    c.date = a.get("--date") ? past_date(ctx, "--date", *a.get("--date")) : today(ctx);
    c.symptoms = parse_ids<nd::GeneralSymptom>("--symptom", a.all("--symptom"));
    c.no_numbness = a.has("--no-numbness");
    if (auto v = a.get("--note")) c.note = *v;
    nd::normalize(c);
    auto store = ctx.open_store();
    if (auto old = store->checkin(c.date)) c.id = old->id;  // one check-in per day: replace it
    const auto saved = store->put_checkin(c);
    std::cout << saved.id << "\n";
    return 0;
}

}  // namespace

std::vector<Command> background_commands() {
    return {
        {{"background", "", "Show the health background (same as 'background list')",
          "Subcommands: background set, background add fact, background add medicine, background list.",
          {{"--json", "", "machine-readable output (fields in docs/cli.md)"}}, 0, 0, {"numbness-diary-cli background"}},
         run_background_list},
        {{"background list", "", "Show name, birth date, background facts and medicines", "",
          {{"--json", "", "machine-readable output (fields in docs/cli.md)"}}, 0, 0,
          {"numbness-diary-cli background list", "numbness-diary-cli background list --json"}},
         run_background_list},
        {{"background set", "", "Set who you are and what to ask (optional; for the doctor's report)",
          "The name, birth date, health-service number and when the numbness or tingling began go\n"
          "on the report's first page, with your questions for the doctor (--question adds one).",
          {{"--name", "TEXT", "your name"},
           {"--birth-date", "DATE", "YYYY-MM-DD"},
           {"--complaint-began", "DATE", "when the numbness or tingling began, YYYY-MM-DD"},
           {"--health-number", "TEXT", "your health-service number (e.g. NHS number)"},
           {"--question", "TEXT", "add a question for your doctor", true},
           {"--clear-questions", "", "remove all questions first"},
           {"--clear", "", "clear all of these first"}},
          0, 0,
          {"numbness-diary-cli background set --name \"Maria Example\" --birth-date 1961-04-18",
           "numbness-diary-cli background set --complaint-began 2025-11-02 --question \"Could this be my back?\""}},
         run_background_set},
        {{"background add fact", "", "Add a background fact (diabetes, alcohol, an injury, ...)",
          "Kinds: " + valid_ids<nd::FactKind>(),
          {{"--kind", "ID", "what kind of fact (required)"},
           {"--detail", "TEXT", "in your own words"},
           {"--since", "DATE", "since when, YYYY-MM-DD"},
           {"--amount", "N", "for alcohol_use: drinks a week (required there)"}},
          0, 0,
          {"numbness-diary-cli background add fact --kind diabetes --detail \"Type 2\" --since 2019-03-12",
           "numbness-diary-cli background add fact --kind alcohol_use --amount 4"}},
         run_add_fact},
        {{"background add medicine", "", "Add a medicine or treatment", "",
          {{"--name", "TEXT", "its name (required)"},
           {"--dose", "TEXT", "e.g. 1000 mg"},
           {"--when", "TEXT", "when taken, e.g. \"twice a day\""},
           {"--since", "DATE", "since when, YYYY-MM-DD"},
           {"--helped", "WHICH", "yes, no or unknown"},
           {"--note", "TEXT", "a free note"}},
          0, 0, {"numbness-diary-cli background add medicine --name Metformin --dose \"1000 mg\" --when \"twice a day\""}},
         run_add_medicine},
        {{"checkin", "", "Daily check-in: general symptoms of the day, or no numbness today",
          "One check-in per day: checking in again for the same date replaces it.\nSymptoms: " +
              valid_ids<nd::GeneralSymptom>(),
          {{"--date", "DATE", "the day (default today): YYYY-MM-DD or yesterday"},
           {"--symptom", "IDS", "symptoms of the day, comma-separated", true},
           {"--no-numbness", "", "no numbness or tingling today"},
           {"--note", "TEXT", "a free note"}},
          0, 0, {"numbness-diary-cli checkin --no-numbness", "numbness-diary-cli checkin --date 2026-01-04 --symptom exhaustion,back_pain"}},
         run_checkin},
        {{"checkin list", "", "List the daily check-ins, oldest first (same as 'list --checkins')", "",
          {{"--from", "DATE", "first day: YYYY-MM-DD, today or yesterday"},
           {"--to", "DATE", "last day: YYYY-MM-DD, today or yesterday"},
           {"--deleted", "", "include check-ins in the bin"},
           {"--json", "", "machine-readable output (fields in docs/cli.md)"}},
          0, 0, {"numbness-diary-cli checkin list", "numbness-diary-cli checkin list --from 2026-01-01 --json"}},
         run_checkin_list},
    };
}

}  // namespace ndcli
