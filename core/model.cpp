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

void normalize(Diary& d) {
    for (auto& e : d.episodes) normalize(e);
    for (auto& c : d.checkins) normalize(c);
    sort_if_needed(d.episodes, [](const Episode& a, const Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    });
    sort_if_needed(d.checkins, [](const CheckIn& a, const CheckIn& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    sort_if_needed(d.facts, by_id);
    sort_if_needed(d.medicines, by_id);
    sort_if_needed(d.tombstones, by_id);
    sort_if_needed(d.questionnaire_responses, [](const QuestionnaireResponse& a, const QuestionnaireResponse& b) {
        return a.taken.utc != b.taken.utc ? a.taken.utc < b.taken.utc : a.id < b.id;
    });
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
