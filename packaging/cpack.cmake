# The Debian package: `cmake --preset package && cmake --build --preset package && cpack -G DEB` in
# build/package (packaging/build-deb.sh does that, validates and installs it). Besides the binary:
# the desktop entry, AppStream metadata, the icon as SVG and PNGs, a man page made from --help, the
# copyright and the Debian changelog.
set(app_id io.github.patroniconsole.PatroniConsole)
set(linux_dir "${PROJECT_SOURCE_DIR}/packaging/linux")
set(generated "${CMAKE_BINARY_DIR}/packaging")

# PNG icons rendered from the SVG by a small Qt tool (the same renderer the window uses).
find_package(Qt6 REQUIRED COMPONENTS Svg)
add_executable(rendericon "${linux_dir}/rendericon.cpp")
target_link_libraries(rendericon PRIVATE Qt6::Gui Qt6::Svg)
set(icon_sizes 16 22 24 32 48 64 128 256)
set(icon_pngs)
foreach(size IN LISTS icon_sizes)
    list(APPEND icon_pngs "${generated}/icons/${size}x${size}/apps/patroni-console.png")
endforeach()
add_custom_command(OUTPUT ${icon_pngs}
    COMMAND rendericon "${PROJECT_SOURCE_DIR}/resources/icons/patroni-console.svg" "${generated}/icons" ${icon_sizes}
    DEPENDS rendericon "${PROJECT_SOURCE_DIR}/resources/icons/patroni-console.svg"
    COMMENT "Rendering the application icon as PNG")

# The man page from the program's own --help texts, compressed as Debian wants (-9, no timestamp).
add_custom_command(OUTPUT "${generated}/patroni-console.1.gz"
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:patroni-console> -DOUT=${generated}/patroni-console.1
            -DVERSION=${PROJECT_VERSION} -P "${linux_dir}/manpage.cmake"
    COMMAND gzip -9nf "${generated}/patroni-console.1"
    DEPENDS patroni-console "${linux_dir}/manpage.cmake"
    COMMENT "Writing the man page from --help")
add_custom_command(OUTPUT "${generated}/changelog.Debian.gz"
    COMMAND gzip -9nc "${linux_dir}/changelog.Debian" > "${generated}/changelog.Debian.gz"
    DEPENDS "${linux_dir}/changelog.Debian")
add_custom_target(package_files ALL DEPENDS ${icon_pngs} "${generated}/patroni-console.1.gz"
                                            "${generated}/changelog.Debian.gz")

install(FILES "${linux_dir}/${app_id}.desktop" DESTINATION share/applications)
install(FILES "${linux_dir}/${app_id}.metainfo.xml" DESTINATION share/metainfo)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/patroni-console.svg"
        DESTINATION share/icons/hicolor/scalable/apps)
foreach(size IN LISTS icon_sizes)
    install(FILES "${generated}/icons/${size}x${size}/apps/patroni-console.png"
            DESTINATION share/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES "${generated}/patroni-console.1.gz" DESTINATION share/man/man1)
install(FILES "${linux_dir}/copyright" "${generated}/changelog.Debian.gz" DESTINATION share/doc/patroni-console)
install(FILES "${linux_dir}/lintian-overrides" DESTINATION share/lintian/overrides RENAME patroni-console)

set(CPACK_PACKAGE_NAME "patroni-console")
set(CPACK_PACKAGE_VENDOR "Patroni Console developers")
set(CPACK_PACKAGE_CONTACT "Patroni Console developers <patroni-console@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop console for PostgreSQL HA clusters run by Patroni")
# CPack puts the summary first and indents the rest; an empty line becomes " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Patroni Console shows a PostgreSQL high-availability cluster at a glance:
every member with its role, state, timeline, lag and tags, where HAProxy
routes each port, etcd's view, and every disagreement between them.

It performs switchovers, failovers, restarts, reinits, pause/resume and
configuration edits with preflight checks, a confirmation that names what
will happen, verification afterwards and an audit log. Passwords live in
the system keychain. A command line serves scripts and monitoring.")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/patroniconsole/patroni-console")
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Libraries the binary links (dpkg-shlibdeps), plus what Qt and QtKeychain load at run time: the
# platform plugins (xcb, offscreen), the SVG icon engine, libsecret for the Secret Service, a font.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libsecret-1-0, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
include(CPack)
