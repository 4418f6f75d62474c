#include "questionnaire_commands.hpp"

#include <utility>

#include "record_kinds.hpp"

namespace nd::app {

template <>
struct RecordKind<QuestionnaireResponse> {
    static constexpr RecordType type = RecordType::Unknown;   // full reload (see the header)
    static QuestionnaireResponse put(Store& s, const QuestionnaireResponse& r) {
        return s.put_questionnaire_response(r);
    }
    static void remove(Store& s, const std::string& id) { s.delete_questionnaire_response(id); }
    static void restore(Store& s, const std::string& id) { s.restore_questionnaire_response(id); }
};

Command add_questionnaire_response_command(QuestionnaireResponse r) {
    return put_record_command(std::move(r), std::optional<QuestionnaireResponse>{}, "questionnaire");
}

Command delete_questionnaire_response_command(const QuestionnaireResponse& r) {
    return bin_record_command(r, "delete questionnaire");
}

}  // namespace nd::app
