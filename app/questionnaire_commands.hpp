// Undo commands for questionnaire responses (taking one, moving one to the bin).
// They leave Command::touches Unknown, so the app reloads the diary after them:
// responses are few and rare, and the record-type enum stays untouched.
#pragma once

#include "undo.hpp"

namespace nd::app {

// Saves a new response (empty id); undo moves it to the bin, redo takes it out.
Command add_questionnaire_response_command(QuestionnaireResponse r);
Command delete_questionnaire_response_command(const QuestionnaireResponse& r);

}  // namespace nd::app
