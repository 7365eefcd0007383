# Instrumentation for the reliability builds (docs/RELIABILITY.md, CMakePresets.json).
#   FULINT_SANITIZE=address,undefined  every library, fulint and the tests built with these
#                                      sanitizers; the first error aborts (no recovery)
#   FULINT_FUZZ=ON                     (clang) the libraries also get libFuzzer's coverage
#                                      instrumentation and tests/fuzz builds fuzz_<target>
#                                      executables linked with -fsanitize=fuzzer
# One clang build with both serves CI: the whole test suite under ASan/UBSan and the fuzz
# targets, from the same compiled libraries.
set(FULINT_SANITIZE "" CACHE STRING "Sanitizers for every target (e.g. address,undefined)")
option(FULINT_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(FULINT_SANITIZE)
  add_compile_options(-fsanitize=${FULINT_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${FULINT_SANITIZE})
endif()

if(FULINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FULINT_FUZZ needs clang (CMAKE_CXX_COMPILER=clang++)")
  endif()
  # Coverage for the fuzzer in every library; libFuzzer's main is linked only into the fuzz
  # targets. The sanitizer runtime supplies the coverage callbacks for fulint and the tests.
  add_compile_options(-fsanitize=fuzzer-no-link)
  add_link_options(-fsanitize=fuzzer-no-link)
endif()
