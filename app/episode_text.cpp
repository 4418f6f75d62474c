#include "episode_text.hpp"

#include <cctype>
#include <cstdio>

#include "enum_names.hpp"
#include "time_util.hpp"

namespace nd::app {

std::string lower_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string upper_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string clock_text(const LocalTime& t) {
    const int m = local_minute_of_day(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
}

std::string minutes_text(std::int64_t m) {
    if (m < 0) m = 0;
    if (m >= 48 * 60) return std::to_string(m / (24 * 60)) + " days";
    if (m < 60) return std::to_string(m) + " min";
    std::string out = std::to_string(m / 60) + " h";
    if (m % 60) out += " " + std::to_string(m % 60) + " min";
    return out;
}

std::string duration_text(const Episode& e) {
    if (e.ongoing) return "still going";
    if (e.duration_min) return minutes_text(*e.duration_min);
    return "";
}

std::string where_text(const Episode& e) {
    std::string out;
    for (const RegionMark& m : e.regions) {
        if (!out.empty()) out += ", ";
        out += describe(m);
    }
    return upper_first(out.empty() ? "place not noted" : out);
}

std::string sensations_text(const Episode& e) {
    std::string out;
    for (Sensation s : e.sensations) {
        out += out.empty() ? std::string(enum_label(s)) : ", " + lower_first(std::string(enum_label(s)));
    }
    return out;
}

std::string severity_text(const Episode& e) {
    // An unrated scale is left out ("not rated" is unknown, not 0).
    std::string out = e.numbness ? "numbness " + std::to_string(*e.numbness) + "/10" : "";
    if (e.pain.value_or(0) > 0) out += (out.empty() ? "" : ", ") + ("pain " + std::to_string(*e.pain) + "/10");
    if (out.empty()) out = "strength not rated";
    return out;
}

std::string episode_line(const Episode& e) {
    std::string out = clock_text(e.start);
    if (const std::string d = duration_text(e); !d.empty()) out += " \xc2\xb7 " + d;
    out += " \xc2\xb7 " + where_text(e);
    if (const std::string s = sensations_text(e); !s.empty()) out += " \xc2\xb7 " + s;
    out += " \xc2\xb7 " + severity_text(e);
    return out;
}

std::string episode_line_with_date(const Episode& e, const std::string& date_text) {
    return date_text + "  " + episode_line(e);
}

}  // namespace nd::app
