// The Diary page's episode editor: opened by tapping a row, it replaces the
// list until saved, deleted (to the bin, undoable) or closed.
#pragma once

#include "app_state.hpp"
#include "page_states.hpp"

namespace nd::app {

void open_episode_editor(DiaryPage& pg, const Episode& e);
// `map`: the body map's state (PageStates::body_map), shared with the Log page.
void draw_episode_editor(AppState& s, DiaryPage& pg, BodyMapUi& map);

}  // namespace nd::app
