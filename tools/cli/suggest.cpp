// "Did you mean ...?" for mistyped commands, options and values.
#include <algorithm>

#include "cli.hpp"

namespace ndcli {

namespace {

// Edits between two words (insert, delete, replace, and swapping two neighbours:
// "lsit" is one edit from "list").
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.empty()) return "";
    std::string best;
    std::size_t best_d = 3;
    bool tie = false;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (word.size() >= 3 && c.rfind(word, 0) == 0) d = std::min<std::size_t>(d, 1);   // a prefix
        // Short words: one edit at most, or everything would look alike.
        if (c.size() <= 4 && d > 1) continue;
        if (d < best_d) {
            best = c;
            best_d = d;
            tie = false;
        } else if (d == best_d && c != best) {
            tie = true;
        }
    }
    if (best.empty() || tie) return "";
    return " (did you mean '" + best + "'?)";
}

}  // namespace ndcli
