// What docks and task bars see of the window: its X11 class (WM_CLASS), which must
// match StartupWMClass in io.github.numbness_diary.NumbnessDiary.desktop, and its
// icon. The one application id everywhere: docs/packaging.md.
#pragma once

struct GLFWwindow;

namespace nd::platform {

// The application id: WM_CLASS (both parts), the .desktop file's name and
// StartupWMClass, the AppStream id and the icons' name.
inline constexpr const char* kWindowClass = "io.github.numbness_diary.NumbnessDiary";

// Window hints for the next glfwCreateWindow: WM_CLASS kWindowClass.
void hint_window_class();
// Sets the window icon from the installed hicolor PNGs (PREFIX/share/icons, then
// $XDG_DATA_DIRS); does nothing when none is found (Wayland ignores it anyway and
// uses the .desktop entry's icon).
void set_window_icon(GLFWwindow* window);

}  // namespace nd::platform
