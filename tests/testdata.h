#pragma once

// Payloads captured from the lab or taken from upstream docs, under tests/data (see the READMEs there).

#include <QByteArray>
#include <QFile>
#include <QString>

namespace TestData {

// tests/data/<relativePath>; a missing file stops the test at once, naming it.
inline QByteArray read(const QString& relativePath)
{
    QFile f(QStringLiteral(CONSOLE_TEST_DATA_DIR "/") + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relativePath));
    return f.readAll();
}

} // namespace TestData
