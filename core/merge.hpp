// Merging two copies of a diary that diverged (two devices, or a backup and the
// diary as it is now), record by record, by id.
//
// Rules (docs/backup-format.md, "Merge"):
// - Each record (episode, check-in, background fact, medicine) has a change time:
//   the later of updated_utc and deleted_utc (moving to the bin and restoring
//   are changes). A tombstone (content erased for good) is a delete at its
//   deleted_utc.
// - For every id, the version with the latest change time wins, whichever copy
//   it comes from: a delete is not undone by an older edit elsewhere, and an edit
//   made after the delete brings the record back.
// - Equal times: a tombstone beats a record, a record in the bin beats one that
//   is not (the delete is honoured), then a fixed order of the content decides
//   (kind, then every field compared in turn), so the result never depends on
//   which copy is "mine".
// - Check-ins: at most one per date. When two different check-ins (ids) fall on
//   the same date, the one that wins by the same order is kept and the other is
//   dropped (no tombstone: it is not a delete).
// - The profile: the later updated_utc wins; equal times, the fixed order.
//
// So merge is commutative (merge(a,b) == merge(b,a)), idempotent (merge(a,a) ==
// a, merge(merge(a,b),b) == merge(a,b)) and associative as long as a check-in
// keeps its date (the store never moves one). The result passes validate()
// when both inputs do.
#pragma once

#include <cstdint>
#include <string>

#include "model.hpp"

namespace nd {

Diary merge(const Diary& mine, const Diary& theirs);
// The same result; the records that come from `theirs` are moved out of it, not
// copied (a restore's backup, which is not needed afterwards). `theirs` is left
// valid but unspecified.
Diary merge(const Diary& mine, Diary&& theirs);

// The time of a record's last change (see above).
std::int64_t change_time(const Episode& e);
std::int64_t change_time(const CheckIn& c);
std::int64_t change_time(const BackgroundFact& f);
std::int64_t change_time(const Medicine& m);
std::int64_t change_time(const QuestionnaireResponse& r);

// How `after` differs from `before`, counted in records (all kinds together):
// for telling a person what a restore or merge did.
struct DiaryChanges {
    int added = 0;      // ids new in `after` (not in the bin)
    int changed = 0;    // content changed (not counting moves to the bin)
    int deleted = 0;    // moved to the bin or erased (tombstone) in `after`
    int restored = 0;   // in the bin before, not in `after`'s bin now
    int removed = 0;    // gone without a tombstone (replaced, or lost a check-in date)
    bool profile_changed = false;
    bool any() const { return added || changed || deleted || restored || removed || profile_changed; }
};
DiaryChanges diff_diaries(const Diary& before, const Diary& after);
// "2 added, 1 changed, 1 deleted" (or "no changes").
std::string describe(const DiaryChanges& c);

}  // namespace nd
