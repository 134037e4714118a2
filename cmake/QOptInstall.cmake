# `cmake --install` layout: libraries, headers (with the generated .inc files),
# TableGen sources, and a QOptConfig.cmake that other MLIR projects load with
# find_package(QOpt).

include(CMakePackageConfigHelpers)

install(DIRECTORY "${QOPT_SOURCE_DIR}/include/qopt"
                  "${QOPT_SOURCE_DIR}/include/qopt-c"
                  "${QOPT_SOURCE_DIR}/dialects/QGate/include/qopt"
        DESTINATION include
        FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY "${QOPT_BINARY_DIR}/dialects/QGate/include/qopt"
        DESTINATION include
        FILES_MATCHING PATTERN "*.inc")

install(EXPORT QOptTargets NAMESPACE QOpt:: DESTINATION lib/cmake/QOpt)

configure_package_config_file(
  "${QOPT_SOURCE_DIR}/cmake/QOptConfig.cmake.in"
  "${QOPT_BINARY_DIR}/QOptConfig.cmake"
  INSTALL_DESTINATION lib/cmake/QOpt
  PATH_VARS CMAKE_INSTALL_PREFIX)
write_basic_package_version_file(
  "${QOPT_BINARY_DIR}/QOptConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${QOPT_BINARY_DIR}/QOptConfig.cmake"
              "${QOPT_BINARY_DIR}/QOptConfigVersion.cmake"
        DESTINATION lib/cmake/QOpt)
