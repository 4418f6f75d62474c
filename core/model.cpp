#include "model.hpp"

#include <algorithm>

namespace nd {

namespace {
template <class T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
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
    std::sort(d.episodes.begin(), d.episodes.end(), [](const Episode& a, const Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    });
    std::sort(d.checkins.begin(), d.checkins.end(), [](const CheckIn& a, const CheckIn& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(d.facts.begin(), d.facts.end(), by_id);
    std::sort(d.medicines.begin(), d.medicines.end(), by_id);
    std::sort(d.tombstones.begin(), d.tombstones.end(), by_id);
    std::sort(d.questionnaire_responses.begin(), d.questionnaire_responses.end(),
              [](const QuestionnaireResponse& a, const QuestionnaireResponse& b) {
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
