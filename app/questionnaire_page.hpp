// What the questionnaire page remembers between frames (AppState::pages.questionnaire):
// the loaded questionnaire files, and the one being answered, question by question.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "questionnaire.hpp"

namespace nd::app {

struct QuestionnairePage {
    bool loaded = false;
    std::vector<Questionnaire> list;        // assets/questionnaires/*.json
    std::string load_error;                 // shown instead of the list when a file is malformed
    std::string active;                     // id of the questionnaire being answered; empty: overview
    std::size_t step = 0;                   // index of the question shown
    std::vector<QuestionnaireAnswer> answers;   // given so far, in question order
    std::optional<QuestionnaireResponse> result;  // just saved: its score is shown
    std::string chart_of;                   // which questionnaire's chart is shown
};

// The settings key of the Diary page's "retake" card: UTC seconds until which it stays hidden.
inline constexpr const char* kRetakeCardHiddenUntil = "questionnaire.retake_card_hidden_until";

}  // namespace nd::app
