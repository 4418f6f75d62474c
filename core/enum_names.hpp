// Stable identifiers and plain-language labels for every vocabulary enum.
// The ids are what files hold (catalog, backups, CSV, the database); they never
// change once shipped. The labels are what people read in the app and reports.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model.hpp"

namespace nd {

template <class E>
struct EnumEntry {
    E value;
    const char* id;     // stable, snake_case
    const char* label;  // plain words, sentence case
};

// Specialised (explicitly instantiated) in enum_names.cpp for every enum of model.hpp.
template <class E>
std::span<const EnumEntry<E>> enum_entries();

template <class E>
std::string_view enum_id(E v) {
    for (const auto& e : enum_entries<E>())
        if (e.value == v) return e.id;
    return "unknown";
}

template <class E>
std::string_view enum_label(E v) {
    for (const auto& e : enum_entries<E>())
        if (e.value == v) return e.label;
    return "unknown";
}

template <class E>
std::optional<E> enum_from_id(std::string_view id) {
    for (const auto& e : enum_entries<E>())
        if (id == e.id) return e.value;
    return std::nullopt;
}

// Comma-joined ids of a list ("numbness,tingling") and back; parse fails (nullopt)
// on any unknown id. Used by the store and the CSV export.
template <class E>
std::string join_ids(const std::vector<E>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ',';
        out += enum_id(v);
    }
    return out;
}

template <class E>
std::optional<std::vector<E>> split_ids(std::string_view text) {
    std::vector<E> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto part = text.substr(0, comma);
        auto v = enum_from_id<E>(part);
        if (!v) return std::nullopt;
        out.push_back(*v);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

// "left toes", "both soles", "saddle area"
std::string describe(const RegionMark& m);

}  // namespace nd
