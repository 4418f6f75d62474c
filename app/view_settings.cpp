// Placeholder until the settings view lands (another engineer owns it): replace the body.
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_settings(AppState& s) {
    (void)s;
    muted_text("This page is being built.");
}

}  // namespace nd::app
