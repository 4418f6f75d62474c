// `numbness-diary-cli questionnaire list|take|show`: standard questionnaires (docs/questionnaires.md).
// Answers come from flags or, without them, from prompts on the terminal, one
// question at a time. A response is saved only when every question is answered.
#include <iostream>
#include <string>

#include "cli.hpp"
#include "csv_questionnaires.hpp"
#include "fhir_questionnaire.hpp"
#include "questionnaire.hpp"

namespace ndcli {

namespace {

std::vector<nd::Questionnaire> load_all() {
    try {
        return nd::load_default_questionnaires();
    } catch (const nd::QuestionnaireError& e) {
        throw CliError(std::string("questionnaires: ") + e.what());
    }
}

const nd::Questionnaire& find_or_fail(const std::vector<nd::Questionnaire>& all, const std::string& id) {
    if (const auto* q = nd::find_questionnaire(all, id)) return *q;
    std::string ids;
    for (const auto& q : all) ids += (ids.empty() ? "" : ", ") + q.id;
    throw UsageError("unknown questionnaire '" + id + "' (available: " + ids + ")");
}

// A full id or a unique prefix (4+ characters) of a response, the bin included.
nd::QuestionnaireResponse find_response(const nd::Store& store, const std::string& text) {
    if (text.size() < 4) throw UsageError("give at least 4 characters of the response's id");
    std::optional<nd::QuestionnaireResponse> found;
    for (const auto& r : store.questionnaire_responses(true)) {
        if (r.id.rfind(text, 0) != 0) continue;
        if (found) throw UsageError("'" + text + "' matches more than one response; give more of the id");
        found = r;
    }
    if (!found) throw CliError("no questionnaire response has an id starting with '" + text + "'");
    return *found;
}

void print_response(const nd::QuestionnaireResponse& r, const nd::Questionnaire* q, std::ostream& out) {
    out << "Questionnaire  " << (q ? q->title : r.questionnaire) << "\n"
        << "Response       " << r.id << (r.deleted_utc ? "  [in bin]" : "") << "\n"
        << "Taken          " << format_when(r.taken) << "\n";
    if (!q) {
        out << "Score          " << r.score << "\n(this build has no file for questionnaire '" << r.questionnaire
            << "')\n";
        return;
    }
    out << nd::describe_score(*q, r.score) << "\n\n";
    for (const auto& a : r.answers) {
        const auto* item = q->item(a.item);
        const auto* opt = q->option(a.answer);
        out << "  " << a.item << ". " << (item ? item->text : "(unknown question)") << "  "
            << (opt ? opt->label : a.answer) << "\n";
    }
    out << "\nWhat it means: " << q->meaning << "\nWhat it does not mean: " << q->not_meaning << "\n";
}

int run_list(const Args&, Context& ctx) {
    const auto all = load_all();
    std::cout << "Questionnaires:\n";
    for (const auto& q : all)
        std::cout << "  " << q.id << "  " << q.short_title << " (" << q.items.size() << " questions, score 0 to "
                  << q.score_max << ")\n";
    auto store = ctx.open_store();
    const auto responses = store->questionnaire_responses();
    std::cout << "\nResponses:\n";
    if (responses.empty()) std::cout << "  (none yet; 'numbness-diary-cli questionnaire take " << all.front().id << "')\n";
    for (const auto& r : responses) {
        const auto* q = nd::find_questionnaire(all, r.questionnaire);
        std::cout << "  " << r.id << "  " << format_when(r.taken) << "  " << (q ? q->short_title : r.questionnaire)
                  << "  score " << r.score << (q ? " of " + std::to_string(q->score_max) : "") << "\n";
    }
    return 0;
}

// Reads answers on stdin, one question at a time; y/n work for yes/no options.
std::vector<nd::QuestionnaireAnswer> prompt_answers(const nd::Questionnaire& q) {
    std::cout << q.title << "\n" << q.intro << "\n";
    std::string choices;
    for (const auto& o : q.options) choices += (choices.empty() ? "" : "/") + o.code;
    std::vector<nd::QuestionnaireAnswer> out;
    for (std::size_t i = 0; i < q.items.size(); ++i) {
        const auto& item = q.items[i];
        while (true) {
            std::cout << "\n" << (i + 1) << " of " << q.items.size() << ". " << item.text << " [" << choices
                      << "] " << std::flush;
            std::string line;
            if (!std::getline(std::cin, line))
                throw CliError("the answers ended before question " + item.id + "; nothing was saved");
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
            while (!line.empty() && line.front() == ' ') line.erase(0, 1);
            for (auto& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (line == "y" && q.option("yes")) line = "yes";
            if (line == "n" && q.option("no")) line = "no";
            if (q.option(line)) {
                out.push_back({item.id, line});
                break;
            }
            std::cout << "Please answer " << choices << ".";
        }
    }
    std::cout << "\n";
    return out;
}

std::vector<nd::QuestionnaireAnswer> flag_answers(const Args& a, const nd::Questionnaire& q) {
    std::vector<nd::QuestionnaireAnswer> out;
    if (auto list = a.get("--answers")) {
        std::string_view rest = *list;
        std::size_t i = 0;
        while (true) {
            const auto comma = rest.find(',');
            const std::string code(rest.substr(0, comma));
            if (i >= q.items.size())
                throw UsageError("--answers: more answers than the " + std::to_string(q.items.size()) + " questions");
            out.push_back({q.items[i++].id, code});
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    for (const auto& one : a.all("--answer")) {
        const auto eq = one.find('=');
        if (eq == std::string::npos) throw UsageError("--answer: '" + one + "' is not ITEM=ANSWER (e.g. 7=no)");
        out.push_back({one.substr(0, eq), one.substr(eq + 1)});
    }
    return out;
}

int run_take(const Args& a, Context& ctx) {
    const auto all = load_all();
    const auto& q = find_or_fail(all, a.positional[0]);
    nd::LocalTime taken{ctx.now, ctx.offset_min};
    if (auto at = a.get("--at")) taken = parse_time("--at", *at, ctx);
    const bool from_flags = a.has("--answers") || a.has("--answer");
    auto answers = from_flags ? flag_answers(a, q) : prompt_answers(q);
    nd::QuestionnaireResponse r;
    try {
        r = nd::make_response(q, answers, taken);
    } catch (const nd::QuestionnaireError& e) {
        if (from_flags) throw UsageError(std::string(e.what()) + "; nothing was saved");
        throw CliError(std::string(e.what()) + "; nothing was saved");
    }
    auto store = ctx.open_store();
    r = store->put_questionnaire_response(r);
    std::cout << r.id << "\n" << nd::describe_score(q, r.score) << "\n" << q.not_meaning << "\n";
    return 0;
}

int run_show(const Args& a, Context& ctx) {
    const auto all = load_all();
    auto store = ctx.open_store();
    nd::QuestionnaireResponse r;
    if (a.positional.empty()) {
        const auto list = store->questionnaire_responses();
        if (list.empty()) throw CliError("no questionnaire response yet ('numbness-diary-cli questionnaire take mnsi_history')");
        r = list.back();
    } else {
        r = find_response(*store, a.positional[0]);
    }
    print_response(r, nd::find_questionnaire(all, r.questionnaire), std::cout);
    return 0;
}

// Until the main FHIR / CSV exports carry responses: a Bundle of the responses
// with their Questionnaires, and the responses CSV.
int run_export(const Args& a, Context& ctx) {
    const auto fhir = a.get("--fhir");
    const auto csv = a.get("--csv");
    if (!fhir && !csv) throw UsageError("say where: --fhir FILE and/or --csv FILE");
    const auto all = load_all();
    auto store = ctx.open_store();
    const auto responses = store->questionnaire_responses();
    if (fhir) write_file_atomic(*fhir, nd::fhir_questionnaire_bundle_json(responses, all, ""));
    if (csv) write_file_atomic(*csv, nd::questionnaire_responses_csv(responses, all));
    std::cout << responses.size() << (responses.size() == 1 ? " response" : " responses") << " written\n";
    return 0;
}

}  // namespace

std::vector<Command> questionnaire_commands() {
    CommandSpec group{"questionnaire", "", "Standard questionnaires: list, take, show (see below)",
                      "Commands: numbness-diary-cli questionnaire list | take ID | show [RESPONSE]", {}, 0, 0, {}};
    CommandSpec list{"questionnaire list", "", "List the questionnaires and your responses", "", {}, 0, 0,
                     {"numbness-diary-cli questionnaire list"}};
    CommandSpec take{
        "questionnaire take", "ID", "Answer a questionnaire (prompts, or --answers) and save the score",
        "Without --answers or --answer, asks each question in turn on the terminal (y/n works for\n"
        "yes/no). Every question must be answered; nothing is saved otherwise. The score is a\n"
        "screening result to discuss with a doctor, never a diagnosis.",
        {
            {"--answers", "LIST", "every answer in question order: yes,no,yes,..."},
            {"--answer", "ITEM=ANSWER", "one answer, e.g. 7=no", true},
            {"--at", "TIME", "when it was answered (default now)"},
        },
        1, 1,
        {"numbness-diary-cli questionnaire take mnsi_history",
         "numbness-diary-cli questionnaire take mnsi_history --answers yes,no,no,no,yes,no,yes,no,no,no,yes,no,yes,no,no"}};
    CommandSpec show{"questionnaire show", "[RESPONSE]", "Show a response (default: the latest) with its score",
                     "RESPONSE is its id or a unique prefix of 4+ characters.", {}, 0, 1,
                     {"numbness-diary-cli questionnaire show", "numbness-diary-cli questionnaire show 3f2a"}};
    CommandSpec exp{"questionnaire export", "", "Write the responses as FHIR R4 (Questionnaire + QuestionnaireResponse) and/or CSV",
                    "Responses in the bin are left out. Files are written whole or not at all (mode 0600).",
                    {{"--fhir", "FILE", "a FHIR R4 Bundle (collection) of the responses and their questionnaires"},
                     {"--csv", "FILE", "one row per response, one column per question"}},
                    0, 0, {"numbness-diary-cli questionnaire export --fhir scores.json --csv scores.csv"}};
    return {{group, [](const Args&, Context&) -> int {
                 throw UsageError("say which: numbness-diary-cli questionnaire list | take ID | show [RESPONSE]");
             }},
            {list, run_list},
            {take, run_take},
            {show, run_show},
            {exp, run_export}};
}

}  // namespace ndcli
