// A copy of a diary made a slice at a time (issue 19). The desktop's analysis worker
// keeps its own copy of the diary (diary_analysis.hpp); copying 100k episodes at once
// costs the UI thread 40-60 ms, a visible stall the first time a page asks for figures
// and again after the whole diary was read again (an import, a restore, a merge,
// another process's save). The copy is made instead over several frames, at most
// `budget` records a frame, while the pages show the figures they had.
//
// The diary must not change while the copy lasts (a save moves records within the
// lists, so a copy by position could miss or repeat one): the owner starts a new copy
// after any change (DiaryAnalysis compares revisions).
#pragma once

#include <cstddef>
#include <memory>

#include "model.hpp"

namespace nd::app {

class DiaryCopy {
public:
    DiaryCopy();
    // Copies up to `budget` more records of `from` (episodes, check-ins, tombstones and
    // questionnaire responses; the profile, facts and medicines, a handful, with the last
    // slice). True once the copy is whole.
    bool step(const Diary& from, std::size_t budget);
    bool done() const { return done_; }
    // The whole copy, once done (null before; taken once).
    std::shared_ptr<Diary> take();

private:
    std::shared_ptr<Diary> copy_;
    std::size_t episodes_ = 0, checkins_ = 0, tombstones_ = 0, responses_ = 0;
    bool done_ = false;
};

}  // namespace nd::app
