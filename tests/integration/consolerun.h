#pragma once

// Runs the console's executable as a script would and keeps what it said.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

struct ConsoleRun {
    int exitCode = -1; // -1: it did not finish in time, or crashed
    QByteArray out;
    QByteArray err;
};

inline ConsoleRun runConsole(const QStringList& arguments,
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PATRONI_CONSOLE_EXE), arguments);
    ConsoleRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill(); // our own child, by its handle
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
