#pragma once

#include "models/cluster/sourceerror.h"

#include <QList>
#include <QMetaType>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace Postgres {

// What one statement returned, in libpq's text format: each value is a QString, SQL NULL is a null
// QVariant (never an empty string: NULL is not "" and not 0). Filled by Postgres::AsyncConnection,
// read by the pure converters below by column name, so a reordered SELECT cannot shift values.
struct QueryResult {
    QStringList columns;
    QList<QVariantList> rows;
    QString commandTag; // "SELECT 2", "INSERT 0 1"
    Cluster::SourceError error;
    QString sqlState; // five characters when the server reported the error, e.g. 28P01, 3D000
    qint64 elapsedMs = 0; // from sending the statement to the last result

    bool isError() const { return error.isError(); }
    int column(const QString& name) const { return int(columns.indexOf(name)); }
    // Null when the column is missing, the row out of range, or the value is SQL NULL.
    QVariant value(qsizetype row, const QString& column) const;
};

// Text-format conversions. Each returns nullopt for NULL and for text that does not parse.
std::optional<QString> textValue(const QVariant& v);
std::optional<bool> boolValue(const QVariant& v); // "t"/"f" (also "true"/"false", "on"/"off")
std::optional<qint64> integerValue(const QVariant& v); // also "123.0", as numeric casts print it
std::optional<double> doubleValue(const QVariant& v);

} // namespace Postgres

Q_DECLARE_METATYPE(Postgres::QueryResult)
