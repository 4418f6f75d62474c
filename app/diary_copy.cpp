#include "diary_copy.hpp"

#include <algorithm>

namespace nd::app {

namespace {

// Appends up to `budget` more of `from` after the `next` already copied; returns how many.
template <class T>
std::size_t copy_some(const std::vector<T>& from, std::vector<T>& to, std::size_t& next, std::size_t budget) {
    if (to.capacity() < from.size()) to.reserve(from.size());
    const std::size_t n = std::min(budget, from.size() - std::min(next, from.size()));
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(next), from.begin() + static_cast<std::ptrdiff_t>(next + n));
    next += n;
    return n;
}

}  // namespace

DiaryCopy::DiaryCopy() : copy_(std::make_shared<Diary>()) {}

bool DiaryCopy::step(const Diary& from, std::size_t budget) {
    if (done_) return true;
    std::size_t left = std::max<std::size_t>(budget, 1);
    left -= copy_some(from.episodes, copy_->episodes, episodes_, left);
    if (left) left -= copy_some(from.checkins, copy_->checkins, checkins_, left);
    if (left) left -= copy_some(from.tombstones, copy_->tombstones, tombstones_, left);
    if (left) left -= copy_some(from.questionnaire_responses, copy_->questionnaire_responses, responses_, left);
    if (episodes_ < from.episodes.size() || checkins_ < from.checkins.size() || tombstones_ < from.tombstones.size() ||
        responses_ < from.questionnaire_responses.size())
        return false;
    copy_->profile = from.profile;
    copy_->facts = from.facts;
    copy_->medicines = from.medicines;
    done_ = true;
    return true;
}

std::shared_ptr<Diary> DiaryCopy::take() { return done_ ? std::move(copy_) : nullptr; }

}  // namespace nd::app
