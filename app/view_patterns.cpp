// Placeholder until the patterns view lands (another engineer owns it): replace the body.
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_patterns(AppState& s) {
    (void)s;
    muted_text("This page is being built.");
}

}  // namespace nd::app
