// What docks and task bars see of the window: its X11 class (WM_CLASS), which must
// match StartupWMClass in numbness-diary.desktop, and its icon.
#pragma once

struct GLFWwindow;

namespace nd::platform {

// The name in WM_CLASS (both parts) and the .desktop file's StartupWMClass.
inline constexpr const char* kWindowClass = "numbness-diary";

// Window hints for the next glfwCreateWindow: WM_CLASS "numbness-diary".
void hint_window_class();
// Sets the window icon from the installed hicolor PNGs (PREFIX/share/icons, then
// $XDG_DATA_DIRS); does nothing when none is found (Wayland ignores it anyway and
// uses the .desktop entry's icon).
void set_window_icon(GLFWwindow* window);

}  // namespace nd::platform
