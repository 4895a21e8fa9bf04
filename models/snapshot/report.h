#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Snapshot {

// A snapshot laid out for people: a title, a health word, a one-line headline, then sections of
// paragraphs, tables, lists and code. Built from the snapshot's JSON only (already redacted), and
// rendered to Markdown (tickets), HTML (self-contained; also the source of the PDF).
struct Block {
    enum class Kind { Paragraph, Table, List, Code };
    Kind kind = Kind::Paragraph;
    QString text; // Paragraph, Code
    QStringList header; // Table
    QList<QStringList> rows; // Table
    QStringList items; // List
};

struct Section {
    QString title;
    QList<Block> blocks;
};

struct Report {
    QString title; // "Cluster prod-eu (scope enterprise-email)"
    QString health; // "healthy", "warning", "critical", "unknown"
    QString headline; // the cluster's one-line summary
    QString takenLine; // "Taken 2026-12-01 10:00:00 UTC by dba@host with patroni-console 0.3.0"
    QList<Section> sections;
};

Report report(const QJsonObject& snapshot);

QString toMarkdown(const Report& report);
// Self-contained HTML: inline CSS, no script, no external resource. `forPdf` keeps to the subset of
// HTML and CSS that Qt's text engine lays out (tables with borders by attribute, no flexbox).
QString toHtml(const Report& report, bool forPdf = false);

} // namespace Snapshot
