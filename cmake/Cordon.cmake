# Build helpers shared by every module.

# Warnings for cordon's own targets only (no global flags).
add_library(cordon_warnings INTERFACE)
# Fuzzing build (developer mode, clang): every cordon target gets coverage
# instrumentation and sanitizers so libFuzzer sees into the parsers.
if(CORDON_FUZZ)
  target_compile_options(cordon_warnings INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(cordon_warnings INTERFACE -fsanitize=address,undefined)
endif()
target_compile_options(cordon_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

# cordon_add_library(name SOURCES ... DEPS ...): one module = one static lib.
function(cordon_add_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SOURCES})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
  target_link_libraries(${name} PUBLIC ${A_DEPS} PRIVATE cordon_warnings)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# cordon_add_test(name SOURCES ... DEPS ...): a GoogleTest executable run by
# ctest from the source tree (so tests can read data/ and tests/golden/).
function(cordon_add_test name)
  if(NOT CORDON_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} GTest::gtest GTest::gtest_main cordon_warnings)
  target_compile_definitions(${name} PRIVATE CORDON_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

# cordon_add_fuzzer(name SOURCES ... DEPS ...): a libFuzzer target
# (LLVMFuzzerTestOneInput). With CORDON_FUZZ=ON (clang) it links libFuzzer;
# otherwise it links a small driver that replays tests/fuzz/corpus/<name>/
# and runs as a ctest test, so every fuzz target is built and exercised in CI.
function(cordon_add_fuzzer name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} cordon_warnings)
  if(CORDON_FUZZ)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  else()
    target_sources(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cc)
    if(CORDON_BUILD_TESTS)
      add_test(NAME ${name}_corpus
               COMMAND ${name} ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${name}
               WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    endif()
  endif()
endfunction()
