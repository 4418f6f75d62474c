// Placeholder until the diary view lands (another engineer owns it): replace the body.
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_diary(AppState& s) {
    (void)s;
    muted_text("This page is being built.");
}

}  // namespace nd::app
