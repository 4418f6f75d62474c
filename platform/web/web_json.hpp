// The JSON text the web shell hands to the page's script (the accessible mirror,
// the test hooks). Small and hand-built on purpose: these strings are rebuilt
// only when a page changes, and the page parses them with JSON.parse.
#pragma once

#include <cstdio>
#include <string>

namespace nd::platform::web {

// Appends s as a JSON string literal: quotes and backslashes escaped, control
// characters as \u00XX; UTF-8 passes through unchanged (JSON allows it).
inline void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

}  // namespace nd::platform::web
