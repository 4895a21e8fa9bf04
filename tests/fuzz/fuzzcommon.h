#pragma once

// Shared by the libFuzzer targets (tests/fuzz/README.md). Invariants that must hold for any input
// abort(), which libFuzzer reports as a crash.

#include "models/cluster/assessment.h"
#include "models/cluster/clusterstore.h"
#include "models/cluster/plaintext.h"
#include "models/cluster/statejson.h"
#include "models/cluster/topology.h"
#include "models/patroni/clusterparser.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Fuzz {

inline QByteArrayView input(const std::uint8_t* data, std::size_t size)
{
    return QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// A fixed clock: the same input must take the same path every time.
inline QDateTime now()
{
    return QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
}

[[noreturn]] inline void fail(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// A parser either gives a value or says why not, never neither.
template <typename Result, typename Member> void requireValueOrError(const Result& result, Member member)
{
    if (!(result.*member).has_value() && !result.error.isError())
        fail("the parser gave neither a value nor an error");
    if (!result.error.isError())
        return;
    if (result.error.detail.size() > 4096)
        fail("an error detail longer than 4096 characters (a body copied whole into a message)");
}

// Text shown to people: no control characters, no bidirectional overrides (plaintext.h).
inline void requireDisplayable(const QString& text)
{
    const QString shown = Cluster::displayText(text, 200);
    for (const QChar ch : shown) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
            fail("displayText let a control character through");
    }
    if (shown.size() > 200)
        fail("displayText did not cut at maxChars");
}

// The store's answers after an update, as the window and `status` read them.
inline void exercise(const Cluster::ClusterStore& store)
{
    const QList<Cluster::Finding> findings = store.findings();
    for (const Cluster::Finding& f : findings)
        requireDisplayable(f.shownMessage());
    const QList<Cluster::MemberView> views = Cluster::memberViews(store.state(), findings);
    for (const Cluster::MemberView& v : views)
        requireDisplayable(Cluster::explainState(v, QString()));
    (void)Cluster::buildTopology(store.state(), findings);
    (void)Cluster::summarize(store.state(), findings);
    (void)Cluster::effectiveLeader(store.state());
    const QByteArray json
        = QJsonDocument(Cluster::stateToJson(store.state(), findings, now())).toJson(QJsonDocument::Compact);
    if (!QByteArrayView(json).isValidUtf8())
        fail("status JSON is not valid UTF-8");
    QJsonParseError error;
    (void)QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail("status JSON does not parse back");
}

} // namespace Fuzz
