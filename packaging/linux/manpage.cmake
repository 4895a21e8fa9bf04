# Writes patroni-console.1 from the program's own --help texts, so the man page and --help never
# disagree: cmake -DEXE=<patroni-console> -DOUT=<file.1> -DVERSION=<x.y.z> -P manpage.cmake
foreach(var EXE OUT VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "manpage.cmake: ${var} is not set")
    endif()
endforeach()

# The program says its --help in the user's language; the man page is English whatever the build machine
# speaks: the locale for the program run below is C (UTF-8), and no LANGUAGE list overrides it.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANG} C.UTF-8)
unset(ENV{LANGUAGE})

set(commands status watch snapshot check history switchover failover restart reload reinit pause resume
             edit-config audit profiles)

# Text made safe for roff inside .nf: backslashes doubled, minus signs as \-, a leading dot or quote escaped.
function(roff_escape text result)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${result} "${text}" PARENT_SCOPE)
endfunction()

function(help_of result)
    execute_process(COMMAND "${EXE}" ${ARGN} --help
                    OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc
                    ENCODING UTF-8)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "manpage.cmake: '${EXE} ${ARGN} --help' failed (${rc}): ${err}")
    endif()
    string(STRIP "${text}" text)
    roff_escape("${text}" text)
    set(${result} "${text}" PARENT_SCOPE)
endfunction()

string(TIMESTAMP today "%Y-%m-%d" UTC)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
    string(TIMESTAMP today "%Y-%m-%d" UTC) # CMake honours SOURCE_DATE_EPOCH itself
endif()

help_of(main)
set(page ".TH PATRONI\\-CONSOLE 1 \"${today}\" \"patroni\\-console ${VERSION}\" \"User Commands\"
.SH NAME
patroni\\-console \\- watch and steer PostgreSQL high\\-availability clusters run by Patroni
.SH SYNOPSIS
.B patroni\\-console
[\\fIoptions\\fR]
.br
.B patroni\\-console
\\fIcommand\\fR [\\fIoptions\\fR]
.SH DESCRIPTION
Without a command, the window opens on every saved cluster. The commands read or act on one cluster
(or, for some, every saved cluster) and print their result. What follows is the program's own
\\fB\\-\\-help\\fR for itself and for each command.
.PP
.nf
${main}
.fi
.SH COMMANDS
")
foreach(command IN LISTS commands)
    help_of(text ${command})
    set(page "${page}.SS ${command}
.nf
${text}
.fi
")
endforeach()
set(page "${page}.SH ENVIRONMENT
.TP
.B PATRONI_API_USER\\fR, \\fBPATRONI_API_PASSWORD
The REST API's user and password for the actions (the password is never taken from an argument).
.TP
.B PATRONI_CONSOLE_PATRONI_API_PASSWORD\\fR, \\fBPATRONI_CONSOLE_HAPROXY_STATS_PASSWORD\\fR, \\fBPATRONI_CONSOLE_POSTGRES_PASSWORD
Passwords for headless use, instead of the system keychain.
.SH FILES
.TP
.I ~/.config/patroni\\-console/patroni\\-console.conf
Saved clusters and the window's layout (no passwords: those are in the system keychain).
.TP
.I ~/.local/share/patroni\\-console/journal/
One journal of events per cluster.
.TP
.I ~/.local/share/patroni\\-console/audit.jsonl
The audit log of every action sent or refused.
.SH EXIT STATUS
Each command's help above names its exit codes; 2 is always a wrong call.
.SH SEE ALSO
.BR patronictl (1)
")
file(WRITE "${OUT}" "${page}")
