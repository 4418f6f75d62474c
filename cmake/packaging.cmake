# Installing like a desktop app (GNUInstallDirs + XDG) and a .deb with CPack.
# The executables install themselves (platform/, tools/); this file adds the data
# a Linux desktop expects: the catalog, a .desktop entry and the icon.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/catalog
        DESTINATION ${CMAKE_INSTALL_DATADIR}/numbness-diary)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/numbness-diary.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/numbness-diary.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/numbness-diary-256.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps
        RENAME numbness-diary.png)

set(CPACK_PACKAGE_NAME "numbness-diary")
set(CPACK_PACKAGE_VENDOR "Numbness Diary")
set(CPACK_PACKAGE_CONTACT "Numbness Diary developers <dev@numbness-diary.local>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Private diary of numbness and tingling in the legs and feet, with patterns and a doctor's report")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
# Shared-library dependencies are found by dpkg-shlibdeps; the fonts are read at
# run time, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-font-awesome, libgl1")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
include(CPack)
