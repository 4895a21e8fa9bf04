#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <concepts>
#include <vector>

namespace Cluster {

// A sentence the core writes for people, kept as its English source text and its arguments rather than
// as finished text: the window shows it in the reader's language (text()), while the records — the
// journal, JSON, the command line's findings — keep it in English (english()), and a record read back
// from the journal can still be shown translated. Sizes stay sizes until shown: exact bytes in English
// ("1 572 864 B"), scaled in the reader's locale in text() ("1,5 MiB").
//
// Source texts are found by lupdate through each file's namespace-level tr() wrapper (context "Cluster"):
//     Words tr(const char* text, const char* disambiguation = nullptr, int n = -1);
class Words {
public:
    Words() = default;
    // Words that are not translated: a member's name, Patroni's own words, a URL.
    static Words verbatim(const QString& text);
    // A size in bytes.
    static Words bytes(qint64 n);
    // A translatable source text (UTF-8) in lupdate's `context` (where the tr() call stands: "Cluster" at
    // namespace level, "Cluster::ChangeDetector" in that class's members); %n is `n` in the plural forms.
    static Words source(const char* text, int n = -1, const char* context = "Cluster");

    // %1, %2, … in the order given (as QString::arg would fill them).
    Words arg(const Words& a) const;
    Words arg(const QString& a) const { return arg(verbatim(a)); }
    template <std::integral T>
    requires(!std::same_as<T, bool>) Words arg(T n)
    const { return arg(verbatim(QString::number(n))); }
    template <typename A, typename B, typename... Rest> Words arg(const A& a, const B& b, const Rest&... rest) const
    {
        return arg(a).arg(b, rest...);
    }
    // One after the other (each part rendered on its own).
    Words operator+(const Words& other) const;
    Words operator+(const QString& other) const { return *this + verbatim(other); }
    // The parts with `separator` between them, as QStringList::join.
    static Words joined(const QList<Words>& parts, const QString& separator);

    bool isEmpty() const;
    QString english() const;
    // In the reader's language (the installed translator and QLocale()), unless an Untranslated scope is
    // active on this thread: then english().
    QString text() const;

    // For the journal: a string (verbatim), {"bytes": n}, {"t": source, "c": context, "n": n, "a": [args]}
    // ("c" only when not "Cluster") or an array
    // of parts. fromJson of anything else is empty.
    QJsonValue toJson() const;
    static Words fromJson(const QJsonValue& value);

    friend bool operator==(const Words& a, const Words& b) = default;

private:
    enum class Kind { Verbatim, Bytes, Source, Concat };
    QString render(bool translated) const;

    Kind m_kind = Kind::Verbatim;
    QString m_text; // verbatim text, or the source text
    QString m_context; // a source text's lupdate context
    qint64 m_number = 0; // bytes, or n for a plural source (-1: none)
    std::vector<Words> m_parts; // a source's arguments, or a concatenation's parts
};

} // namespace Cluster
