# Installs the library, its public headers and a package config, so that
# find_package(neardup) works for library users after cmake --install.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS neardup_core EXPORT neardupTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/neardup
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS neardup RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT neardupTargets NAMESPACE neardup::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/neardup)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/neardupConfig.cmake.in
  ${PROJECT_BINARY_DIR}/neardupConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/neardup)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/neardupConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/neardupConfig.cmake
              ${PROJECT_BINARY_DIR}/neardupConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/neardup)
