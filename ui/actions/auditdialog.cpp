#include "ui/actions/auditdialog.h"

#include "models/itemmodels/auditmodel.h"
#include "ui/palette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    // The result in the colour of its health: a failed or refused action stands out.
    class AuditColours final : public QIdentityProxyModel {
    public:
        using QIdentityProxyModel::QIdentityProxyModel;
        QVariant data(const QModelIndex& index, int role) const override
        {
            if (role == Qt::ForegroundRole && index.column() == ItemModels::AuditModel::Result) {
                const QString phase = index.data(ItemModels::AuditModel::PhaseRole).toString();
                if (phase == u"failed"_s || phase == u"refused"_s)
                    return QBrush(Palette::healthColor(Cluster::Health::Critical));
                if (phase == u"verified"_s)
                    return QBrush(Palette::healthColor(Cluster::Health::Healthy));
                return QBrush(Palette::healthColor(Cluster::Health::Warning).darker(Palette::isDark() ? 80 : 140));
            }
            return QIdentityProxyModel::data(index, role);
        }
    };

    QString csvField(QString text)
    {
        if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
            text.replace(u"\""_s, u"\"\""_s);
            return u'"' + text + u'"';
        }
        return text;
    }
} // namespace

AuditDialog::AuditDialog(const QString& path, const QString& cluster, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_model(new ItemModels::AuditModel(this))
    , m_filter(new ItemModels::AuditFilterModel(this))
    , m_text(new QLineEdit(this))
    , m_cluster(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_since(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"auditDialog"_s);
    setWindowTitle(tr("Audit log"));
    resize(1200, 640);
    m_filter->setSourceModel(m_model);
    m_filter->setDynamicSortFilter(true);
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_text->setObjectName(u"auditFilter"_s);
    m_text->setPlaceholderText(tr("member, user, message…"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter the audit log by text"));
    m_cluster->setAccessibleName(tr("Filter by cluster"));
    m_action->setAccessibleName(tr("Filter by action"));
    m_since->setAccessibleName(tr("Filter by age"));
    m_since->addItem(tr("any time"), 0);
    m_since->addItem(tr("last hour"), 3600);
    m_since->addItem(tr("last day"), 86400);
    m_since->addItem(tr("last week"), 7 * 86400);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_cluster);
    filters->addWidget(m_action);
    filters->addWidget(m_since);
    layout->addLayout(filters);

    m_table->setObjectName(u"auditTable"_s);
    auto* colours = new AuditColours(this);
    colours->setSourceModel(m_filter);
    m_table->setModel(colours);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ItemModels::AuditModel::Time, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_detail->setObjectName(u"auditDetail"_s);
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select an action to see its whole record"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setSizes({ 400, 200 });
    layout->addWidget(split, 1);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    QPushButton* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(exportButton, &QPushButton::clicked, this, &AuditDialog::exportInteractively);
    connect(refresh, &QPushButton::clicked, this, &AuditDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_text, &QLineEdit::textChanged, m_filter, &ItemModels::AuditFilterModel::setText);
    connect(m_cluster, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setCluster(m_cluster->currentData().toString()); });
    connect(m_action, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setAction(m_action->currentData().toString()); });
    connect(m_since, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_since->currentData().toInt();
        m_filter->setSince(s > 0 ? QDateTime::currentDateTimeUtc().addSecs(-s) : QDateTime());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditDialog::showSelected);

    // What another window or the CLI appends shows up here.
    auto* watcher = new QFileSystemWatcher(this);
    if (!watcher->addPath(m_path))
        watcher->addPath(QFileInfo(m_path).absolutePath());
    connect(watcher, &QFileSystemWatcher::fileChanged, this, &AuditDialog::reload);
    connect(watcher, &QFileSystemWatcher::directoryChanged, this, [this, watcher] {
        if (QFileInfo::exists(m_path) && watcher->addPath(m_path))
            reload();
    });

    reload();
    const int at = m_cluster->findData(cluster);
    if (at >= 0)
        m_cluster->setCurrentIndex(at);
}

void AuditDialog::reload()
{
    int skipped = 0;
    const QList<Actions::AuditRecord> lines = Actions::AuditLog(m_path).read(&skipped);
    const QString cluster = m_cluster->currentData().toString();
    const QString action = m_action->currentData().toString();
    m_model->setRecords(lines);
    std::set<QString> clusters;
    std::set<QString> actions;
    for (const Actions::AuditRecord& r : m_model->records()) {
        clusters.insert(r.cluster);
        actions.insert(Actions::kindName(r.request.kind));
    }
    {
        const QSignalBlocker a(m_cluster);
        const QSignalBlocker b(m_action);
        m_cluster->clear();
        m_cluster->addItem(tr("every cluster"), QString());
        for (const QString& c : clusters)
            m_cluster->addItem(c, c);
        m_action->clear();
        m_action->addItem(tr("every action"), QString());
        for (const QString& k : actions)
            m_action->addItem(k, k);
        m_cluster->setCurrentIndex(std::max(0, m_cluster->findData(cluster)));
        m_action->setCurrentIndex(std::max(0, m_action->findData(action)));
    }
    m_filter->setCluster(m_cluster->currentData().toString());
    m_filter->setAction(m_action->currentData().toString());
    m_table->resizeColumnsToContents();
    QString status
        = tr("%n action(s) in %1", nullptr, int(m_model->records().size())).arg(QDir::toNativeSeparators(m_path));
    if (skipped)
        status += tr("; %n line(s) could not be read and are left out", nullptr, skipped);
    m_status->setText(status);
}

void AuditDialog::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const auto* colours = static_cast<const QIdentityProxyModel*>(m_table->model());
    const int i = current.isValid() ? m_filter->mapToSource(colours->mapToSource(current)).row() : -1;
    if (i < 0 || i >= m_model->records().size()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(
        QString::fromUtf8(QJsonDocument(Actions::toJson(m_model->records().at(i))).toJson(QJsonDocument::Indented)));
}

QString AuditDialog::detailText() const
{
    return m_detail->toPlainText();
}

QString AuditDialog::exportTo(const QString& path) const
{
    const QList<Actions::AuditRecord> shown = m_filter->shownRecords();
    QByteArray out;
    if (path.endsWith(u".json"_s, Qt::CaseInsensitive)) {
        QJsonArray records;
        for (const Actions::AuditRecord& r : shown)
            records.append(Actions::toJson(r));
        out = QJsonDocument(QJsonObject { { u"schema"_s, u"patroni-console/audit/1"_s }, { u"records"_s, records } })
                  .toJson(QJsonDocument::Indented);
    } else {
        QStringList header;
        for (int c = 0; c < ItemModels::AuditModel::ColumnCount; ++c)
            header.append(csvField(m_model->headerData(c, Qt::Horizontal).toString()));
        out += header.join(u',').toUtf8() + "\r\n";
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            QStringList fields;
            for (int c = 0; c < ItemModels::AuditModel::ColumnCount; ++c) {
                // The whole text, not the cell's elided one; times in UTC for a file that travels.
                const QModelIndex index = m_filter->index(row, c);
                QString text = index.data(Qt::ToolTipRole).toString();
                if (c == ItemModels::AuditModel::Time)
                    text = index.data(ItemModels::AuditModel::SortRole).toDateTime().toUTC().toString(Qt::ISODate);
                fields.append(csvField(text));
            }
            out += fields.join(u',').toUtf8() + "\r\n";
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(out);
    if (!file.commit())
        return file.errorString();
    return {};
}

void AuditDialog::exportInteractively()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"),
        QDir::homePath() + u"/patroni-console-audit.csv"_s,
        tr("CSV, for spreadsheets (*.csv);;JSON, for machines (*.json)"), &selected);
    if (path.isEmpty())
        return;
    const QString error = exportTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export the audit log"),
            tr("The audit log was not exported: %1. Choose another place and export again.").arg(error));
    else
        m_status->setText(
            tr("%n action(s) exported to %1", nullptr, m_filter->rowCount()).arg(QDir::toNativeSeparators(path)));
}

} // namespace Ui
