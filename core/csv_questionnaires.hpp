// A CSV file of questionnaire responses (one row per response not in the bin,
// oldest first) for spreadsheets: when, which questionnaire, the score, the
// highest cut-off it reached, and each answer in a column of its own named after
// the question ("q1" .. "q15"). UTF-8 with a byte order mark, like the episodes
// CSV (csv_export.hpp), so spreadsheet programs read it as UTF-8.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "questionnaire.hpp"

namespace nd {

std::string questionnaire_responses_csv(const std::vector<QuestionnaireResponse>& responses,
                                        const std::vector<Questionnaire>& questionnaires, bool bom = true);

}  // namespace nd
