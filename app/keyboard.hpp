// The keyboard, where Dear ImGui 1.86 falls short: Tab and Shift+Tab visit only
// text fields there, and Enter presses no button (both came in 1.89.4).
// Here every control the app's widget wrappers draw is a tab stop, in the order
// drawn; Tab / Shift+Tab move the keyboard focus along them (wrapping around);
// Enter and Space press the focused control; the focus ring is drawn by
// widgets' focus_ring(). The platform feeds Tab through press_tab() instead of
// handing it to ImGui (whose own tabbing would move focus a second time).
#pragma once

#include "widget_log.hpp"

namespace nd::app {

// The platform (or a test) reports a Tab press; shift: Shift+Tab.
void press_tab(WidgetLog& log, bool shift);
// Start of frame: turns a pending Tab into a focus request on the next stop.
void keyboard_begin_frame(WidgetLog& log);
// Registers the last item as a tab stop (a no-op for items without an id) and
// applies a pending focus request to it.
void tab_stop(WidgetLog& log);
// True when Enter (or keypad Enter) was pressed while the last item had the
// keyboard focus and no text is being typed. Space is ImGui's own activation.
bool enter_on_item();

}  // namespace nd::app
