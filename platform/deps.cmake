# What the desktop build links from Debian for app/ and the shell, as the targets
# app/ and platform/ name (platform/web/deps.cmake compiles the same for the web).
# Included by the top-level CMakeLists.txt before app/ is added.

# nd_imgui: Dear ImGui 1.86 from libimgui-dev (pkg-config imgui), whose libimgui.a
# also holds the GLFW and OpenGL3 backends the shell uses. Debian's imgui headers
# are third-party code: included as SYSTEM so our -Wall -Wextra -Wpedantic stays
# about our own code.
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
set_target_properties(PkgConfig::IMGUI PROPERTIES
  INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${IMGUI_INCLUDE_DIRS}")
add_library(nd_imgui INTERFACE)
target_link_libraries(nd_imgui INTERFACE PkgConfig::IMGUI)
