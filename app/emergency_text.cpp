#include "emergency_text.hpp"

namespace nd::app {

bool emergency_number_unknown(const Settings& s) { return s.emergency_number.empty(); }

std::vector<std::string> emergency_numbers(const Settings& s) {
    if (emergency_number_unknown(s)) return {"112", "911"};
    return {s.emergency_number};
}

std::string emergency_numbers_text(const Settings& s) {
    const std::vector<std::string> n = emergency_numbers(s);
    return n.size() == 1 ? n[0] : n[0] + " or " + n[1];
}

std::string with_emergency_number(const std::string& advice, const Settings& s) {
    static const std::string kGeneric = "(999, 911 or 112)";
    std::string out = advice;
    const std::string mine = "(" + emergency_numbers_text(s) + (emergency_number_unknown(s) ? ", or your local emergency number)" : ")");
    for (std::size_t at = out.find(kGeneric); at != std::string::npos; at = out.find(kGeneric, at + mine.size()))
        out.replace(at, kGeneric.size(), mine);
    return out;
}

}  // namespace nd::app
