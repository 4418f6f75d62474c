// A chart of one questionnaire's scores over time: points placed by date, the
// score range as the y axis, the cut-offs as labelled lines.
#pragma once

#include <vector>

#include "model.hpp"
#include "questionnaire.hpp"

namespace nd::app {

// `responses` oldest first, all of questionnaire `q`, none in the bin.
void questionnaire_score_chart(float display_scale, const Questionnaire& q,
                               const std::vector<const QuestionnaireResponse*>& responses);

}  // namespace nd::app
