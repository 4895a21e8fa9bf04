# Debian package of the console. `cpack -G DEB` from a build directory.
set(CPACK_PACKAGE_NAME "patroni-console")
set(CPACK_PACKAGE_VENDOR "Patroni Console developers")
set(CPACK_PACKAGE_CONTACT "Patroni Console developers <maintainers@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/patroni-console.desktop" DESTINATION share/applications)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/patroni-console.svg"
        DESTINATION share/icons/hicolor/scalable/apps)
include(CPack)
