#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_log(AppState& s) { muted_text("The Log page is being built."); (void)s; }

}  // namespace nd::app
