#include "models/postgres/queryresult.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Postgres {

QVariant QueryResult::value(qsizetype row, const QString& name) const
{
    const int c = column(name);
    if (c < 0 || row < 0 || row >= rows.size() || c >= rows.at(row).size())
        return QVariant();
    return rows.at(row).at(c);
}

std::optional<QString> textValue(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

std::optional<bool> boolValue(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    const QString t = v.toString().trimmed().toLower();
    if (t == u"t"_s || t == u"true"_s || t == u"on"_s || t == u"1"_s)
        return true;
    if (t == u"f"_s || t == u"false"_s || t == u"off"_s || t == u"0"_s)
        return false;
    return std::nullopt;
}

std::optional<qint64> integerValue(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    const QString t = v.toString().trimmed();
    bool ok = false;
    const qint64 i = t.toLongLong(&ok);
    if (ok)
        return i;
    // pg_wal_lsn_diff() returns numeric; it prints "1234" today but "1234.0" is valid numeric text too.
    const double d = t.toDouble(&ok);
    if (ok && std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e18)
        return qint64(d);
    return std::nullopt;
}

std::optional<double> doubleValue(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace Postgres
