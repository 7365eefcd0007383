# FULINT_STATIC_DEPS: link the third-party libraries from the static archives Debian ships.
#
# Why: start-up time. Dynamically linked, a short run of fulint is dominated by the dynamic
# loader looking up and relocating the symbols of ICU, Boost.Regex, yaml-cpp, Hunspell, PCRE2
# and libstdc++: `fulint --version` ran 4.8 M instructions, 0.9 M with these linked statically.
# md4c has no archive in Debian and stays shared, as do glibc's libraries. Every target linking
# the stage libraries (fulint, the tests, the fuzz replays, the benchmarks) gets the same link.
# Off by default in sanitizer builds: ASan's runtime and a static libstdc++ do not mix well.
#
# The find_package() / pkg_check_modules() calls in CMakeLists.txt stay as they are (versions,
# include directories, compile flags); fulint_use_static_deps(), called after them and before
# any target, points their imported targets at the archives, so the stages name the same targets
# either way. A missing archive leaves its library shared, with a STATUS message, and then
# libstdc++ stays shared too (one copy of it per process).
#
# Include this file before find_package(Boost): Boost's package config picks its static variant
# from Boost_USE_STATIC_LIBS.

if(FULINT_SANITIZE)
  set(_fulint_static_default OFF)
else()
  set(_fulint_static_default ON)
endif()
option(FULINT_STATIC_DEPS
       "Link ICU, Boost.Regex, yaml-cpp, Hunspell, PCRE2 and libstdc++ statically (start-up time)"
       ${_fulint_static_default})

if(FULINT_STATIC_DEPS)
  if(FULINT_SANITIZE)
    message(WARNING "FULINT_STATIC_DEPS with FULINT_SANITIZE: ASan and a static libstdc++ do not "
                    "mix well; configure with -DFULINT_STATIC_DEPS=OFF")
  endif()
  find_library(FULINT_ARCHIVE_BOOST_REGEX NAMES libboost_regex.a)
  if(FULINT_ARCHIVE_BOOST_REGEX)
    set(Boost_USE_STATIC_LIBS ON)
  else()
    message(STATUS "FULINT_STATIC_DEPS: no libboost_regex.a, Boost::regex stays shared")
  endif()
endif()

# Points the imported <target> at the first archive of NAMES found (file names, e.g. libfoo.a);
# DEPS are what the archive itself needs, linked after it.
function(_fulint_static_archive target)
  cmake_parse_arguments(A "" "" "NAMES;DEPS" ${ARGN})
  string(MAKE_C_IDENTIFIER "FULINT_ARCHIVE_${target}" var)
  string(TOUPPER ${var} var)
  find_library(${var} NAMES ${A_NAMES})
  set(archive ${${var}})
  if(NOT archive)
    message(STATUS "FULINT_STATIC_DEPS: no ${A_NAMES}, ${target} stays shared")
    set(_fulint_static_missing ${_fulint_static_missing} ${target} PARENT_SCOPE)
    return()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    # pkg-config's targets: the shared library is one of their link libraries.
    set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES ${archive} ${A_DEPS})
  else()
    # FindICU's UNKNOWN and yaml-cpp's SHARED imported targets: CMake links an imported library
    # by its full path, whatever its type, so a new location is all it takes.
    set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION ${archive})
    get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
    if(configs)
      foreach(config IN LISTS configs)
        set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION_${config} ${archive})
        set_property(TARGET ${target} PROPERTY IMPORTED_SONAME_${config})
      endforeach()
    endif()
    set_property(TARGET ${target} PROPERTY IMPORTED_SONAME)
    target_link_libraries(${target} INTERFACE ${A_DEPS})
  endif()
endfunction()

# Call after the find_package() / pkg_check_modules() calls.
function(fulint_use_static_deps)
  if(NOT FULINT_STATIC_DEPS)
    return()
  endif()
  find_package(Threads REQUIRED)
  set(_fulint_static_missing)
  if(NOT FULINT_ARCHIVE_BOOST_REGEX)
    list(APPEND _fulint_static_missing Boost::regex)
  endif()
  # ICU's static link order: i18n, uc, data; uc needs libdl and libpthread.
  _fulint_static_archive(ICU::data NAMES libicudata.a)
  _fulint_static_archive(ICU::uc NAMES libicuuc.a DEPS ICU::data ${CMAKE_DL_LIBS} Threads::Threads)
  _fulint_static_archive(ICU::i18n NAMES libicui18n.a DEPS ICU::uc)
  _fulint_static_archive(yaml-cpp NAMES libyaml-cpp.a)
  _fulint_static_archive(PkgConfig::HUNSPELL NAMES libhunspell-1.7.a libhunspell.a)
  _fulint_static_archive(PkgConfig::PCRE2 NAMES libpcre2-8.a)
  # Debian's Boost.Regex is built with ICU support (boost::u32regex, used by src/rules/regex.cc).
  get_target_property(type Boost::regex TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    target_link_libraries(Boost::regex INTERFACE ICU::i18n ICU::uc)
  endif()
  if(_fulint_static_missing)
    list(JOIN _fulint_static_missing ", " missing)
    message(STATUS "FULINT_STATIC_DEPS: libstdc++ stays shared as well (${missing} shared)")
  else()
    add_link_options(-static-libstdc++ -static-libgcc)
    message(STATUS "FULINT_STATIC_DEPS: ICU, Boost.Regex, yaml-cpp, Hunspell, PCRE2, libstdc++ static")
  endif()
endfunction()
