#include "model.hpp"

#include <algorithm>

namespace nd {

namespace {
// Lists read from the store are already sorted and unique (they were saved
// normalized): one linear look instead of a sort for each of them.
template <class T>
void sort_unique(std::vector<T>& v) {
    if (std::adjacent_find(v.begin(), v.end(), [](const T& a, const T& b) { return !(a < b); }) == v.end()) return;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Sorts unless already sorted: the store's queries return rows in this order, so a
// load costs one linear check; rows out of order (an old file, another program's
// change, a merge) are still sorted.
template <class T, class Less>
void sort_if_needed(std::vector<T>& v, Less less) {
    if (!std::is_sorted(v.begin(), v.end(), less)) std::sort(v.begin(), v.end(), less);
}
}  // namespace

void normalize(Episode& e) {
    sort_unique(e.regions);
    sort_unique(e.sensations);
    sort_unique(e.activities);
    sort_unique(e.reliefs);
    sort_unique(e.signs);
}

void normalize(CheckIn& c) { sort_unique(c.symptoms); }

bool episode_less(const Episode& a, const Episode& b) {
    return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
}

namespace {
const auto checkin_less = [](const CheckIn& a, const CheckIn& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
};
const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
const auto response_less = [](const QuestionnaireResponse& a, const QuestionnaireResponse& b) {
    return a.taken.utc != b.taken.utc ? a.taken.utc < b.taken.utc : a.id < b.id;
};
template <class T>
bool sorted_unique(const std::vector<T>& v) {
    return std::adjacent_find(v.begin(), v.end(), [](const T& a, const T& b) { return !(a < b); }) == v.end();
}
}  // namespace

void normalize(Diary& d) {
    for (auto& e : d.episodes) normalize(e);
    for (auto& c : d.checkins) normalize(c);
    sort_if_needed(d.episodes, episode_less);
    sort_if_needed(d.checkins, checkin_less);
    sort_if_needed(d.facts, by_id);
    sort_if_needed(d.medicines, by_id);
    sort_if_needed(d.tombstones, by_id);
    sort_if_needed(d.questionnaire_responses, response_less);
}

const Diary& normalized_view(const Diary& d, Diary& copy) {
    if (is_normalized(d)) return d;
    copy = d;
    normalize(copy);
    return copy;
}

bool is_normalized(const Diary& d) {
    for (const auto& e : d.episodes)
        if (!sorted_unique(e.regions) || !sorted_unique(e.sensations) || !sorted_unique(e.activities) ||
            !sorted_unique(e.reliefs) || !sorted_unique(e.signs))
            return false;
    for (const auto& c : d.checkins)
        if (!sorted_unique(c.symptoms)) return false;
    return std::is_sorted(d.episodes.begin(), d.episodes.end(), episode_less) &&
           std::is_sorted(d.checkins.begin(), d.checkins.end(), checkin_less) &&
           std::is_sorted(d.facts.begin(), d.facts.end(), by_id) &&
           std::is_sorted(d.medicines.begin(), d.medicines.end(), by_id) &&
           std::is_sorted(d.tombstones.begin(), d.tombstones.end(), by_id) &&
           std::is_sorted(d.questionnaire_responses.begin(), d.questionnaire_responses.end(), response_less);
}

int leg_height(Region r) {
    switch (r) {
        case Region::Toes: case Region::Sole: return 0;
        case Region::TopOfFoot: case Region::Heel: case Region::WholeFoot: return 1;
        case Region::InnerAnkle: case Region::Ankle: return 2;
        case Region::Shin: case Region::Calf: return 3;
        case Region::Knee: return 4;
        case Region::ThighFront: case Region::ThighBack: return 5;
        case Region::Hip: case Region::Buttock: case Region::WholeLeg: return 6;
        default: return -1;
    }
}

}  // namespace nd
