// Standard questionnaires as data (assets/questionnaires/*.json, format in
// docs/questionnaires.md): their items, answer options, scoring and cut-offs,
// loaded and strictly checked like the cause catalog, so another instrument is a
// new file, not new code. Scoring refuses incomplete answers rather than guess.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"  // Citation
#include "model.hpp"

namespace nd {

// A malformed questionnaire file ("questionnaire 'mnsi_history': field 'items[3].scores_on': ...")
// or answers that cannot be scored.
struct QuestionnaireError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct QuestionnaireOption {
    std::string code;    // stored in responses: "yes"
    std::string label;   // shown: "Yes"
};

struct QuestionnaireItem {
    std::string id;                         // stored in responses: "7"
    std::string text;                       // the published wording, verbatim
    std::optional<std::string> scores_on;   // the option code that scores 1 point; unset: not scored
};

struct QuestionnaireCutoff {
    int at_least = 0;
    std::string label;
    std::string source;
};

// When the app offers the questionnaire.
enum class OfferWhen { Always, PainLogged };

struct Questionnaire {
    std::string id;
    std::string version;
    std::string title;
    std::string short_title;
    std::string intro;
    std::vector<QuestionnaireOption> options;
    std::vector<QuestionnaireItem> items;
    int score_min = 0;
    int score_max = 0;
    std::vector<QuestionnaireCutoff> cutoffs;   // ascending by at_least
    std::string meaning;
    std::string not_meaning;
    OfferWhen offer_when = OfferWhen::Always;
    int retake_days = 0;
    std::string licence;
    std::vector<Citation> sources;

    const QuestionnaireItem* item(std::string_view id) const;
    const QuestionnaireOption* option(std::string_view code) const;
    // The highest cut-off the score reaches, or null when below all of them.
    const QuestionnaireCutoff* cutoff_reached(int score) const;
};

// Throws QuestionnaireError naming the questionnaire and the field.
Questionnaire load_questionnaire_json(std::string_view json_text);
Questionnaire load_questionnaire_file(const std::string& path);
// Every *.json in `dir`, sorted by id; ids must be unique across files.
std::vector<Questionnaire> load_questionnaires_dir(const std::string& dir);
// assets/questionnaires under default_assets_dir().
std::vector<Questionnaire> load_default_questionnaires();
const Questionnaire* find_questionnaire(const std::vector<Questionnaire>& all, std::string_view id);

// The score of a complete set of answers. Refuses (QuestionnaireError): a missing
// answer, an answer to an unknown item, an item answered twice, an unknown option.
int score_answers(const Questionnaire& q, const std::vector<QuestionnaireAnswer>& answers);

// The answers put in the questionnaire's item order (for storing), after the same
// checks as score_answers.
std::vector<QuestionnaireAnswer> ordered_answers(const Questionnaire& q, const std::vector<QuestionnaireAnswer>& answers);

// A new response (no id yet: the store assigns one): checks and scores the answers.
QuestionnaireResponse make_response(const Questionnaire& q, const std::vector<QuestionnaireAnswer>& answers,
                                    LocalTime taken);

// "Score 8 of 13: 7 or more: above the original cut-off used in diabetes studies",
// "Score 2 of 13: below the lowest cut-off (4)".
std::string describe_score(const Questionnaire& q, int score);

}  // namespace nd
