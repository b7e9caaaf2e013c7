# What `cmake --install` puts where, and the Debian package CPack makes of it
# (`cpack -G DEB` in the build folder, or tools/package/check). The installed program finds its
# data in ../share/rigfit beside its bin/ folder (cli::dataDir), so it can live anywhere.
include(GNUInstallDirs)
set(RIGFIT_SHARE ${CMAKE_INSTALL_DATADIR}/rigfit)

install(TARGETS rigfit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/parts/ DESTINATION ${RIGFIT_SHARE}/parts)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenes/ DESTINATION ${RIGFIT_SHARE}/scenes)
install(DIRECTORY ${RIGFIT_GENERATED_ASSETS}/ DESTINATION ${RIGFIT_SHARE}/assets)

# The manual page carries the version CMake's project() gives.
configure_file(${PROJECT_SOURCE_DIR}/docs/rigfit.1 ${PROJECT_BINARY_DIR}/rigfit.1 @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/rigfit.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE RENAME copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        PATTERN rigfit.1 EXCLUDE)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/rigfit.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/rigfit.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/completion.bash RENAME rigfit
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/completion.zsh RENAME _rigfit
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rigfit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the rigfit developers")
set(CPACK_PACKAGE_CONTACT "rigfit developers <noreply@rigfit.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "will it fit? PC parts assembled in 3D, clearances in millimetres")
set(CPACK_PACKAGE_DESCRIPTION
    "rigfit assembles a PC from dimensioned parts (case, board, graphics cards, cooler, memory, "
    "PSU, drives, fans) and says, in millimetres, what fits and what does not: card against "
    "card, card length, cooler height against the side panel and the memory, PSU length, the "
    "lowest card against the PSU and the board's headers. It has a 3D viewer to drag parts "
    "into a case, a command line for checks and solving (will a second card fit?), and a fit "
    "report in HTML, Markdown or JSON. It ships a curated catalog and a snapshot of BuildCores "
    "OpenDB (ODC-By 1.0).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # rigfit_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # Depends: from the libraries the program links
# Pictures (render, report, viewer) need an OpenGL driver; Mesa draws in software without a GPU.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri, libegl-mesa0")
include(CPack)
