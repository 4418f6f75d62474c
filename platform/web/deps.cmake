# What the web build (preset web, Emscripten's toolchain) links that the desktop
# takes from Debian: SQLite, libsodium and Dear ImGui, compiled for wasm. Included
# by the top-level CMakeLists.txt before core/ and app/ are added, so those folders
# build for the web exactly as for the desktop: core/ finds SQLite3 and libsodium,
# app/ links nd_imgui (platform/deps.cmake is the desktop's counterpart).
if(NOT EMSCRIPTEN)
  message(FATAL_ERROR "platform/web/deps.cmake is for the Emscripten build: configure with the preset web (see tools/web-build.sh)")
endif()
# The preset web turns these off (CMakePresets.json): the PDF renderer needs cairo,
# the command line and the desktop suites need processes and GLFW, and there is no
# OpenSSL for wasm (the backup checksum uses libsodium's SHA-256). Say so rather
# than fail somewhere inside them.
foreach(opt ND_BUILD_PDF ND_BUILD_TOOLS ND_BUILD_TESTS ND_SHA256_OPENSSL)
  if(${opt})
    message(FATAL_ERROR "the web build has no ${opt}: configure with the preset web (cmake --preset web)")
  endif()
endforeach()

option(ND_WEB_TESTS "Build the core test suite for wasm (run with ctest under node)" ON)

set(ND_TP "${CMAKE_CURRENT_LIST_DIR}/third_party")
foreach(f "${ND_TP}/imgui/imgui.cpp" "${ND_TP}/sqlite/sqlite3.c")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "${f} is missing: run platform/web/fetch-sources.sh first")
  endif()
endforeach()

# cereal and Catch2 throw: exceptions must be on at compile and link time.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

# Header-only libraries from Debian, reached through a folder of links: adding
# -I/usr/include to a wasm build would pull in glibc's headers. Every target
# added after this (core, app, the page, the tests) sees them.
set(ND_WEB_SYSINC "${CMAKE_BINARY_DIR}/sysinc")
file(MAKE_DIRECTORY "${ND_WEB_SYSINC}")
foreach(lib cereal rapidjson catch2)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing: apt-get install libcereal-dev catch2")
  endif()
  file(CREATE_LINK "/usr/include/${lib}" "${ND_WEB_SYSINC}/${lib}" SYMBOLIC)
endforeach()
include_directories(SYSTEM "${ND_WEB_SYSINC}")

# ---- SQLite from the amalgamation ----
add_library(nd_web_sqlite STATIC "${ND_TP}/sqlite/sqlite3.c")
target_include_directories(nd_web_sqlite SYSTEM PUBLIC "${ND_TP}/sqlite")
target_compile_definitions(nd_web_sqlite PRIVATE
  SQLITE_THREADSAFE=0          # one thread in the page and in the tests
  SQLITE_OMIT_LOAD_EXTENSION
  SQLITE_DQS=0
  # The browser has no shared memory between connections, which WAL's index
  # needs. In EXCLUSIVE locking mode SQLite keeps the WAL index in the heap and
  # never maps shared memory, so the Store's WAL works unchanged; the diary is
  # the only connection to its file in the page (see docs/web.md, Storage).
  SQLITE_DEFAULT_LOCKING_MODE=1)
target_compile_options(nd_web_sqlite PRIVATE -w)
# core/CMakeLists.txt asks find_package(SQLite3): answer it with this library.
set(SQLite3_INCLUDE_DIR "${ND_TP}/sqlite" CACHE PATH "" FORCE)
set(SQLite3_LIBRARY "${CMAKE_BINARY_DIR}/libnd_web_sqlite.a" CACHE FILEPATH "" FORCE)
add_library(SQLite::SQLite3 ALIAS nd_web_sqlite)

# ---- libsodium (core's password-protected backups) ----
# Compiled for wasm into build-web/deps once (a build folder that has it does not
# build it again), and the only thing pkg-config may see: Debian's x86 libraries
# must not leak into a wasm build. core/CMakeLists.txt's pkg_check_modules finds it.
set(ND_WEB_DEPS "${CMAKE_BINARY_DIR}/deps")
if(NOT EXISTS "${ND_WEB_DEPS}/lib/libsodium.a")
  execute_process(COMMAND "${CMAKE_CURRENT_LIST_DIR}/build-sodium.sh" "${ND_WEB_DEPS}" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "web: building libsodium for wasm failed (run platform/web/fetch-sources.sh first)")
  endif()
endif()
set(ENV{PKG_CONFIG_LIBDIR} "${ND_WEB_DEPS}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
# find_library is re-rooted into Emscripten's sysroot, so pkg-config's -L is lost:
# every target created from here on links from build-web/deps/lib too.
link_directories("${ND_WEB_DEPS}/lib")

# ---- Dear ImGui 1.86 with the GLFW and OpenGL3 (WebGL2 / ES 3.0) backends ----
# nd_imgui: what app/ links (imgui.h) and the shells use (the backends).
set(ND_IMGUI "${ND_TP}/imgui")
add_library(nd_imgui STATIC
  "${ND_IMGUI}/imgui.cpp" "${ND_IMGUI}/imgui_draw.cpp" "${ND_IMGUI}/imgui_tables.cpp"
  "${ND_IMGUI}/imgui_widgets.cpp" "${ND_IMGUI}/misc/cpp/imgui_stdlib.cpp"
  "${ND_IMGUI}/backends/imgui_impl_glfw.cpp" "${ND_IMGUI}/backends/imgui_impl_opengl3.cpp")
target_include_directories(nd_imgui SYSTEM PUBLIC "${ND_IMGUI}" "${ND_IMGUI}/misc/cpp")
# IMGUI_USE_WCHAR32: characters beyond U+FFFF (emoji, typed on a phone keyboard)
# reach text fields whole; with 16-bit ImWchar ImGui turns them into U+FFFD. Public,
# so every file that includes imgui.h agrees on the size of ImWchar.
# IMGUI_IMPL_OPENGL_ES3: the OpenGL3 backend speaks WebGL 2 (GLSL "#version 300 es").
target_compile_definitions(nd_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_USE_WCHAR32)
