// The Diary page's episode editor: opened by tapping a row, it replaces the
// list until saved, deleted (to the bin, undoable) or closed.
#pragma once

#include "app_state.hpp"

namespace nd::app {

void open_episode_editor(AppState& s, const Episode& e);
void draw_episode_editor(AppState& s);

}  // namespace nd::app
