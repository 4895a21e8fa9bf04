# Runs the leak probe the way ctest runs every test (same environment) and passes only if
# LeakSanitizer, with the suppressions file of the test presets in force, still reports our leak.
#   cmake -DPROBE=<leak_probe> -DSUPPRESSIONS=<tests/lsan.supp> -P check_leak_probe.cmake
if(NOT "$ENV{LSAN_OPTIONS}" MATCHES "suppressions=[^:]*lsan\\.supp")
    message(FATAL_ERROR "LSAN_OPTIONS does not name the suppressions file (${SUPPRESSIONS}): "
                        "'$ENV{LSAN_OPTIONS}'. Run the tests through a sanitizer test preset (ctest --preset asan|ci).")
endif()
execute_process(COMMAND ${PROBE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
    message(FATAL_ERROR "the leak probe exited 0: LeakSanitizer did not report a leak of our own code\n${out}${err}")
endif()
if(NOT err MATCHES "LeakSanitizer: detected memory leaks" OR NOT err MATCHES "leak_probe_allocate")
    message(FATAL_ERROR "LeakSanitizer did not name our leak (leak_probe_allocate):\n${err}")
endif()
message(STATUS "LeakSanitizer reports our own leak with the suppressions in force (exit ${rc})")
