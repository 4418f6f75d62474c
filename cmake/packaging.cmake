# Installing like a desktop app (GNUInstallDirs + XDG) and a .deb with CPack
# (tools/make-deb.sh; checked with lintian by tools/check-package.sh).
# The executables install themselves (platform/, tools/); this file adds what a
# Linux desktop and Debian expect: the catalog, a .desktop entry, icons, AppStream
# metadata, manual pages, the copyright and changelog files.

# Running from the build tree: the programs look in PREFIX/share/numbness-diary
# beside PREFIX/bin (build/platform, build/tools), so the catalog is copied there
# (again whenever it changes: configure_file makes it a configure dependency), and
# the icons to build/share/icons for the window icon.
configure_file(${PROJECT_SOURCE_DIR}/assets/catalog/causes.json
               ${PROJECT_BINARY_DIR}/share/numbness-diary/catalog/causes.json COPYONLY)
configure_file(${PROJECT_SOURCE_DIR}/assets/body_map/legs.json
               ${PROJECT_BINARY_DIR}/share/numbness-diary/body_map/legs.json COPYONLY)
file(GLOB ND_QUESTIONNAIRE_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/assets/questionnaires/*.json)
foreach(q ${ND_QUESTIONNAIRE_FILES})
  get_filename_component(q_name ${q} NAME)
  configure_file(${q} ${PROJECT_BINARY_DIR}/share/numbness-diary/questionnaires/${q_name} COPYONLY)
endforeach()
# The application id (reverse DNS, from the project's address github.com/numbness-diary;
# docs/packaging.md): the .desktop file, the AppStream id, the icons and the window's
# WM_CLASS (platform/window_identity.hpp) all carry it.
set(ND_APP_ID "io.github.numbness_diary.NumbnessDiary")
set(ND_ICON_SIZES 16 24 32 48 64 128 256)
foreach(size ${ND_ICON_SIZES})
  configure_file(${PROJECT_SOURCE_DIR}/assets/desktop/icons/${size}x${size}/numbness-diary.png
                 ${PROJECT_BINARY_DIR}/share/icons/hicolor/${size}x${size}/apps/${ND_APP_ID}.png COPYONLY)
endforeach()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/catalog ${PROJECT_SOURCE_DIR}/assets/questionnaires
                  ${PROJECT_SOURCE_DIR}/assets/body_map
        DESTINATION ${CMAKE_INSTALL_DATADIR}/numbness-diary)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/${ND_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/${ND_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/numbness-diary.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${ND_APP_ID}.svg)
foreach(size ${ND_ICON_SIZES})
  install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/icons/${size}x${size}/numbness-diary.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${ND_APP_ID}.png)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/cmake/deb/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/numbness-diary)
# The one lintian tag accepted, and why: cmake/deb/lintian-overrides.
install(FILES ${PROJECT_SOURCE_DIR}/cmake/deb/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME numbness-diary)

# Manual pages made from --help and --version by help2man (both work without a
# display), and the Debian changelog; compressed with gzip -n so the bytes do not
# depend on the time of the build (SOURCE_DATE_EPOCH dates the pages).
option(ND_MAN_PAGES "Generate and install manual pages with help2man, and the Debian changelog" OFF)
if(ND_MAN_PAGES)
  find_program(ND_HELP2MAN help2man REQUIRED)
  find_program(ND_GZIP gzip REQUIRED)
  set(ND_MAN_DIR ${PROJECT_BINARY_DIR}/man)
  set(ND_MAN_FILES)
  foreach(prog numbness-diary numbness-diary-cli)
    if(TARGET ${prog})
      set(page ${ND_MAN_DIR}/${prog}.1)
      if(prog STREQUAL "numbness-diary")
        set(what "private diary of numbness and tingling in the legs and feet")
      else()
        set(what "command line of Numbness Diary")
      endif()
      add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${ND_MAN_DIR}
        COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                ${ND_HELP2MAN} --no-info --no-discard-stderr --name=${what} --output=${page} $<TARGET_FILE:${prog}>
        COMMAND ${ND_GZIP} -9nf ${page}
        DEPENDS ${prog} VERBATIM)
      list(APPEND ND_MAN_FILES ${page}.gz)
      install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endif()
  endforeach()
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/changelog.Debian.gz
    COMMAND ${ND_GZIP} -9nc ${PROJECT_SOURCE_DIR}/cmake/deb/changelog > ${PROJECT_BINARY_DIR}/changelog.Debian.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/deb/changelog)
  add_custom_target(nd_man_pages ALL DEPENDS ${ND_MAN_FILES} ${PROJECT_BINARY_DIR}/changelog.Debian.gz)
  install(FILES ${PROJECT_BINARY_DIR}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/numbness-diary)
endif()

set(CPACK_PACKAGE_NAME "numbness-diary")
set(CPACK_PACKAGE_VENDOR "Numbness Diary")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/numbness-diary/numbness-diary")
# The maintainer: the same name and address in cmake/deb/changelog, cmake/deb/copyright
# (Upstream-Contact) and the AppStream update_contact (tools/check-package.sh checks
# them against this line; docs/packaging.md says where the address comes from).
set(CPACK_PACKAGE_CONTACT "Numbness Diary developers <numbness-diary@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "private diary of numbness and tingling in the legs and feet")
# The synopsis is the summary above; this is the extended description only.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Numbness Diary is for people who get numbness or tingling in their legs and
feet. They log episodes in a few taps on a body map, see the patterns in their
own diary, see which documented causes the pattern fits (with the evidence for
and against each), and take a PDF report to their doctor.
.
It informs; it never diagnoses. Warning signs that need urgent care are shown
at once. Everything stays on the device: there is no account and no network
code.
.
The package holds the desktop app (numbness-diary) and the command line
(numbness-diary-cli), which work on the same diary file.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Stripped programs. (A -dbgsym package: CPack makes one only with component
# packaging, which would rename the package; not done yet.)
set(CPACK_STRIP_FILES TRUE)
# Shared-library dependencies are found by dpkg-shlibdeps; the fonts are read at
# run time and xdg-open opens exported files and folders, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-font-awesome, xdg-utils")
# libcrypto is loaded with dlopen on the first backup checksum (core/sha256.cpp), so
# dpkg-shlibdeps does not see it: named here (without it, the portable SHA-256 runs).
if(ND_SHA256_OPENSSL)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libssl3")
endif()
# The daily reminder shows its notification with notify-send (docs/reminders.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libnotify-bin")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
include(CPack)
