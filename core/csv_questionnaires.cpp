#include "csv_questionnaires.hpp"

#include <algorithm>

#include "csv_export.hpp"
#include "time_util.hpp"

namespace nd {

std::string questionnaire_responses_csv(const std::vector<QuestionnaireResponse>& responses,
                                        const std::vector<Questionnaire>& questionnaires, bool bom) {
    // Answer columns: the union of item ids, in the order the questionnaires list them.
    std::vector<std::string> items;
    for (const auto& r : responses) {
        if (r.deleted_utc) continue;
        if (const auto* q = find_questionnaire(questionnaires, r.questionnaire)) {
            for (const auto& i : q->items)
                if (std::find(items.begin(), items.end(), i.id) == items.end()) items.push_back(i.id);
        } else {
            for (const auto& a : r.answers)
                if (std::find(items.begin(), items.end(), a.item) == items.end()) items.push_back(a.item);
        }
    }
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += "id,questionnaire,version,taken,score,score_max,cutoff_reached";
    for (const auto& i : items) out += ",q" + i;
    out += "\r\n";
    std::vector<const QuestionnaireResponse*> rows;
    for (const auto& r : responses)
        if (!r.deleted_utc) rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->taken.utc < b->taken.utc; });
    for (const auto* r : rows) {
        const auto* q = find_questionnaire(questionnaires, r->questionnaire);
        const auto* cut = q ? q->cutoff_reached(r->score) : nullptr;
        out += r->id + "," + csv_quote(r->questionnaire) + "," + csv_quote(r->version) + "," +
               format_iso8601(r->taken) + "," + std::to_string(r->score) + "," +
               (q ? std::to_string(q->score_max) : std::string()) + "," +
               (cut ? std::to_string(cut->at_least) + " or more" : std::string());
        for (const auto& i : items) {
            out += ",";
            for (const auto& a : r->answers)
                if (a.item == i) out += csv_quote(a.answer);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace nd
