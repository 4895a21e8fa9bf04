#pragma once

#include "models/cluster/sourceerror.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Haproxy {

// The `type` column: what a row describes.
enum class RowType {
    Frontend = 0,
    Backend = 1,
    Server = 2,
    Listener = 3, // only with "option socket-stats"
    Unknown,
};

// The `status` column, parsed. HAProxy writes it from a table of formats (src/stats.c srv_hlt_st),
// so it is not a closed word: "UP", "DOWN", "UP 2/3", "DOWN 1/2", "NOLB", "DRAIN (agent)",
// "MAINT (via px/srv)", "no check", and "OPEN"/"FULL"/"STOP" on frontends.
enum class State {
    Up,
    Down,
    Maint,
    Drain,
    NoLb,
    Open,
    NoCheck,
    Unknown,
};

struct Status {
    State state = State::Unknown;
    // "UP 1/3" (also "NOLB 1/3", "DRAIN 1/3"): checks are failing; the server still takes traffic
    // until the count reaches its end. After a switchover the old primary sits here for ~fall×inter.
    bool goingDown = false;
    // "DOWN 1/2": checks pass again; the server takes no traffic until the count reaches its end.
    bool comingUp = false;
    int step = 0; // the 1 of "UP 1/3"; 0 when not transitional
    int steps = 0; // the 3 of "UP 1/3"
    QString qualifier; // what follows in parentheses: "agent", "via px/srv", "resolution"

    bool isTransitional() const { return goingDown || comingUp; }
    friend bool operator==(const Status&, const Status&) = default;
};

Status parseStatus(QStringView text);

// One line of the CSV: a frontend, a backend or a server. Numbers HAProxy leaves empty are absent.
struct Row {
    // Whether HAProxy sends this server new connections: UP (also "UP 1/3", still in the pool) and
    // "no check" (always considered up); not "DOWN 1/2", NOLB, DRAIN or MAINT.
    bool takesNewConnections() const { return status.state == State::Up || status.state == State::NoCheck; }

    QString proxy; // pxname
    QString name; // svname: FRONTEND, BACKEND, or the server's name
    RowType type = RowType::Unknown;
    QString statusText; // verbatim
    Status status;
    QString checkStatus; // L7OK, L7STS, L4CON, L4TOUT, ... without the "* " prefix
    bool checkInProgress = false; // the prefix "* ": a check is running, checkStatus is the previous result
    std::optional<int> checkCode; // HTTP status of the check (empty for L4 failures; 0 while in progress)
    std::optional<qint64> checkDurationMs;
    QString checkDesc; // "Layer7 check passed", "Layer4 connection problem"
    QString lastCheck; // last_chk: what the check got back, e.g. "Service Unavailable", "Connection refused"
    std::optional<qint64> scur; // current sessions
    std::optional<qint64> smax;
    std::optional<qint64> stot;
    std::optional<qint64> lastChangeSecs; // lastchg: seconds since the last UP<->DOWN transition
    std::optional<qint64> downtimeSecs;
    std::optional<qint64> act; // backend: servers UP; server: 1 if active (not backup)
    std::optional<qint64> chkfail;
    std::optional<qint64> chkdown;
    QString addr; // host:port; HAProxy fills it only with "stats show-legends"
    std::optional<int> checkRise;
    std::optional<int> checkFall;
    std::optional<int> checkHealth; // 0 .. rise+fall-1

    friend bool operator==(const Row&, const Row&) = default;
};

// One reading of the stats CSV.
struct Stats {
    QStringList columns; // the header line's names, in the order this HAProxy wrote them
    QList<Row> rows; // in CSV order

    // Pointers stay valid while this Stats is not modified.
    const Row* backend(QStringView proxy) const; // the BACKEND row of that proxy
    const Row* server(QStringView proxy, QStringView name) const;
    QList<const Row*> servers(QStringView proxy) const; // its server rows, in CSV order
    // Names of servers that take new connections: state Up, including "UP 1/3" (going down but still
    // in the pool) and excluding "DOWN 1/2" (coming up, not yet in the pool); also "no check", which
    // HAProxy always considers up. NOLB and DRAIN servers only keep the sessions they have.
    QStringList upServers(QStringView proxy) const;
    friend bool operator==(const Stats&, const Stats&) = default;
};

struct StatsParseResult {
    std::optional<Stats> stats; // set when the body was usable
    Cluster::SourceError error; // NotCsv (no header line), UnexpectedShape (required columns missing)
    QStringList warnings; // odd fields ignored, rows dropped (capped, with a count of the rest)
};

// Parses the body of HAProxy's `/;csv` by its header line, never by column position: the columns
// differ between versions. Pure: no I/O, no clock.
StatsParseResult parseStatsCsv(QByteArrayView body);

} // namespace Haproxy
