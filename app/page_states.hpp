// What each review page remembers between frames (filters, open rows, caches
// keyed on AppState::revision). One struct per page, all held by AppState, so
// views keep no function statics and tests can inspect them.
#pragma once

namespace nd::app {

struct PageStates {
};

}  // namespace nd::app
