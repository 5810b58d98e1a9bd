# Debian packages (cpack -G DEB, or scripts/package.sh). The summary line of
# both is the project's DESCRIPTION. quotex: the program
# with its manual and completion, its runtime libraries found by
# dpkg-shlibdeps; quotex-dev, the library, headers and CMake package.
set(CPACK_PACKAGE_NAME quotex)
set(CPACK_PACKAGE_VENDOR "quotex developers")
set(CPACK_PACKAGE_CONTACT "quotex developers <quotex@example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime dev)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # quotex_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME quotex)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "jq, parallel")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
    "quotex reads news text and writes one JSON record per finding: quotations
(direct, partial, indirect) with their speakers and speech verbs, dates in
ISO 8601, amounts with value and unit, numeric targets tied to what they
measure, and claims. quotex check tells an editor whether each quote of a
draft is what its source says. Azerbaijani is the first language.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME quotex-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The library is static: a program that links it needs these to build.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libre2-dev, libicu-dev, libfmt-dev, libtomlplusplus-dev, libsimdjson-dev, pkg-config")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "This package holds the quotex::core static library (find_package(quotex)) with
its C++ headers: the extraction pipeline of quotex, for programs that link it.")

include(CPack)
