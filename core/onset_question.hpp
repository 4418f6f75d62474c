// When the Log must ask "Did it come on suddenly?" before saving (issue #8/#11
// item 5): numbness of the face, an arm or a hand, or of a leg together with the
// arm or face on the same side ("one side of the body"), whose onset is still
// "not sure". One leg or foot alone never asks. Sudden numbness there is a
// possible stroke sign (NHS / CDC, ../shared/notes/domain.md), so an answer of
// "yes" or "still not sure" shows the stroke advice.
// Interim home: the lead folds this into core/red_flags.hpp with issue 11's copy.
#pragma once

#include "model.hpp"

namespace nd {

bool needs_sudden_onset_question(const Episode& e);

}  // namespace nd
