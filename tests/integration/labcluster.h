#pragma once

// Access to the lab cluster (packaging/lab/manage-cluster.sh) for integration tests: its
// addresses come from the script's own `env` verb, and its verbs run as child processes while
// the test's event loop keeps turning (the console keeps polling during a failover).

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QTimer>
#include <QUrl>

class LabCluster {
public:
    static QString script() { return QStringLiteral(CONSOLE_SOURCE_DIR "/packaging/lab/manage-cluster.sh"); }

    // Reads `manage-cluster.sh env`. Returns false (with why) when the lab is not there.
    bool load(QString* why)
    {
        QProcess p;
        p.start(script(), { QStringLiteral("env") });
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            *why = QStringLiteral("manage-cluster.sh env failed: ") + QString::fromUtf8(p.readAllStandardError());
            return false;
        }
        for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
            if (!line.startsWith("export "))
                continue;
            const qsizetype eq = line.indexOf('=');
            QString value = QString::fromUtf8(line.mid(eq + 1));
            if (value.startsWith(u'\'') && value.endsWith(u'\''))
                value = value.mid(1, value.size() - 2);
            m_env.insert(QString::fromUtf8(line.mid(7, eq - 7)), value);
        }
        for (const QString& u : value(QStringLiteral("LAB_API_URLS")).split(u' ', Qt::SkipEmptyParts))
            m_apiUrls.append(QUrl(u));
        if (m_apiUrls.isEmpty()) {
            *why = QStringLiteral("manage-cluster.sh env gave no LAB_API_URLS");
            return false;
        }
        return true;
    }

    QString value(const QString& key) const { return m_env.value(key); }
    QStringList keys() const { return m_env.keys(); }

    // The environment for a child that must see this lab and nothing of the machine's own settings:
    // the lab's LAB_* variables (the console's built-in "lab" profile follows them), without the
    // PATRONI_* and PG* variables an administrator may have exported for a real cluster (patronictl
    // and libpq honour them over their arguments).
    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& key : env.keys()) {
            const bool ours = key.startsWith(QStringLiteral("PATRONI_CONSOLE_"))
                || key == QStringLiteral("PATRONI_API_USER") || key == QStringLiteral("PATRONI_API_PASSWORD");
            if ((key.startsWith(QStringLiteral("PATRONI_")) && !ours) || key.startsWith(QStringLiteral("PG")))
                env.remove(key);
        }
        for (auto it = m_env.cbegin(); it != m_env.cend(); ++it) {
            if (it.key().startsWith(QStringLiteral("LAB_")))
                env.insert(it.key(), it.value());
        }
        return env;
    }
    QList<QUrl> apiUrls() const { return m_apiUrls; }

    // Runs a verb synchronously but keeps the event loop turning; returns the exit code.
    int run(const QStringList& arguments, QByteArray* output = nullptr, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(script(), arguments);
        if (!p.waitForStarted(5000))
            return -1;
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill(); // our own child, by its handle
            p.waitForFinished(5000);
            return -1;
        }
        if (output)
            *output = p.readAll();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // `patronictl list -f json`: the reference the console must agree with.
    QJsonArray patronictlList()
    {
        QProcess p;
        p.setProcessEnvironment(childEnvironment());
        p.start(QStringLiteral("patronictl"),
            { QStringLiteral("-c"), value(QStringLiteral("LAB_PATRONICTL_CONFIG")), QStringLiteral("list"),
                QStringLiteral("-f"), QStringLiteral("json") });
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            qWarning() << "patronictl failed:" << p.readAllStandardError();
            return {};
        }
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }

private:
    QHash<QString, QString> m_env;
    QList<QUrl> m_apiUrls;
};
