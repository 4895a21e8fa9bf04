# Runs `patroni-console --screenshot OUT` and checks that a real PNG came out.
file(REMOVE "${OUT}")
# The lab's PostgreSQL password, as run-tests.sh exported it from the lab's env: the window asks
# PostgreSQL too, and a test run has no one to type it into the keychain.
if(DEFINED ENV{POSTGRES_SUPERUSER_PASSWORD})
    set(ENV{PATRONI_CONSOLE_POSTGRES_PASSWORD} "$ENV{POSTGRES_SUPERUSER_PASSWORD}")
endif()
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
# Settings and journal of this test's own: with nothing saved, the window watches the built-in lab
# profile, which follows the lab's LAB_* variables; the user's saved clusters play no part.
file(REMOVE_RECURSE "${dir}/xdg")
file(MAKE_DIRECTORY "${dir}/xdg/config" "${dir}/xdg/data")
set(ENV{XDG_CONFIG_HOME} "${dir}/xdg/config")
set(ENV{XDG_DATA_HOME} "${dir}/xdg/data")
execute_process(COMMAND "${EXE}" --screenshot "${OUT}" --label lab ${EXTRA} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 45)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "patroni-console --screenshot exited ${rc}: ${out}${err}")
endif()
file(SIZE "${OUT}" size)
file(READ "${OUT}" head LIMIT 8 HEX)
if(NOT head STREQUAL "89504e470d0a1a0a" OR size LESS 5000)
    message(FATAL_ERROR "${OUT} is not a plausible PNG (${size} bytes, starts ${head})")
endif()
message(STATUS "screenshot: ${OUT} (${size} bytes)")
