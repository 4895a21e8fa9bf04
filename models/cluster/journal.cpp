#include "models/cluster/journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Cluster {

Journal::Journal(QString path, qint64 maxBytes)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
{
}

bool Journal::append(const QList<Event>& events, QString* error)
{
    if (events.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (QFileInfo(m_path).size() >= m_maxBytes) {
        const QString rotated = m_path + u".1"_s;
        QFile::remove(rotated);
        if (!QFile::rename(m_path, rotated)) {
            if (error)
                *error = u"cannot rotate the journal %1"_s.arg(m_path);
            return false;
        }
    }
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = u"cannot write the journal %1: %2"_s.arg(m_path, f.errorString());
        return false;
    }
    QByteArray lines;
    // A line torn by a crash must not swallow the next event: start on a fresh line.
    if (f.size() > 0) {
        QFile tail(m_path);
        if (tail.open(QIODevice::ReadOnly) && tail.seek(f.size() - 1) && tail.read(1) != "\n")
            lines += '\n';
    }
    for (const Event& e : events)
        lines += QJsonDocument(toJournalJson(e)).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(lines) != lines.size() || !f.flush()) {
        if (error)
            *error = u"cannot write the journal %1: %2"_s.arg(m_path, f.errorString());
        return false;
    }
    return true;
}

QList<Event> Journal::read(int limit, int* skippedLines) const
{
    QList<Event> events;
    int skipped = 0;
    for (const QString& file : QStringList { m_path + u".1"_s, m_path }) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            const auto e = doc.isObject() ? eventFromJson(doc.object()) : std::nullopt;
            if (e)
                events.append(*e);
            else
                ++skipped;
        }
    }
    if (skippedLines)
        *skippedLines = skipped;
    if (limit >= 0 && events.size() > limit)
        events = events.mid(events.size() - limit);
    return events;
}

} // namespace Cluster
