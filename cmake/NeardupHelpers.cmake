# Compile options shared by every neardup target.
function(neardup_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror=unused-result)
  if(NEARDUP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(NEARDUP_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${NEARDUP_SANITIZE}
                           -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${NEARDUP_SANITIZE})
  endif()
endfunction()

# neardup_test(name SOURCES... [LABELS label...]): a GoogleTest binary under
# ctest. Tests run from the source tree so fixtures resolve by relative path.
function(neardup_test name)
  cmake_parse_arguments(ARG "" "" "LABELS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE neardup::core neardup_testing
                        GTest::gmock GTest::gtest_main)
  neardup_target_options(${name})
  # GCC 12 reports false -Wrestrict positives in inlined std::string
  # concatenation at -O3 (GCC bug 105651); tests concatenate a lot. With
  # -fsanitize=address it also reports -Wmaybe-uninitialized inside
  # libstdc++'s std::regex compiler (std::function in _StateT), which the
  # accounting and service tests use to read the CLI's stderr.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${name} PRIVATE -Wno-restrict
                           -Wno-maybe-uninitialized)
  endif()
  target_compile_definitions(${name} PRIVATE
    NEARDUP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    NEARDUP_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${ARG_LABELS}")
endfunction()

# neardup_bench(name SOURCES...): a Google Benchmark binary.
function(neardup_bench name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE neardup::core neardup_testing
                        benchmark::benchmark)
  neardup_target_options(${name})
endfunction()
