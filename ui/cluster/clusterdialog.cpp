#include "ui/cluster/clusterdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
    QString joinUrls(const QList<QUrl>& urls)
    {
        QStringList out;
        for (const QUrl& u : urls)
            out.append(u.toString());
        return out.join(u' ');
    }

    // "a b, c" -> the URLs, or a problem naming the field and the text that is not an http(s) URL.
    QList<QUrl> parseUrls(const QString& text, const QString& field, QStringList* problems)
    {
        QList<QUrl> out;
        for (const QString& part : text.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts)) {
            const QUrl url(part, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
                problems->append(ClusterDialog::tr("%1: \"%2\" is not an http:// or https:// URL with a host")
                                     .arg(field, part.left(80)));
                continue;
            }
            out.append(url);
        }
        return out;
    }

    QLineEdit* passwordField(QWidget* parent, bool editing)
    {
        auto* f = new QLineEdit(parent);
        f->setEchoMode(QLineEdit::Password);
        f->setPlaceholderText(editing ? ClusterDialog::tr("unchanged (kept in the keychain)")
                                      : ClusterDialog::tr("none, or stored in the keychain"));
        return f;
    }
} // namespace

ClusterDialog::ClusterDialog(
    Session::ClusterEditor* editor, const std::optional<Cluster::Profile>& existing, QWidget* parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_base(existing.value_or(Cluster::Profile {}))
    , m_isNew(!existing)
    , m_name(new QLineEdit(this))
    , m_patroni(new QLineEdit(this))
    , m_apiUser(new QLineEdit(this))
    , m_apiPassword(passwordField(this, existing.has_value()))
    , m_haproxy(new QLineEdit(this))
    , m_haproxyUser(new QLineEdit(this))
    , m_haproxyPassword(passwordField(this, existing.has_value()))
    , m_etcd(new QLineEdit(this))
    , m_pgUser(new QLineEdit(this))
    , m_pgDatabase(new QLineEdit(this))
    , m_pgSslMode(new QComboBox(this))
    , m_pgPassword(passwordField(this, existing.has_value()))
    , m_caFile(new QLineEdit(this))
    , m_certFile(new QLineEdit(this))
    , m_keyFile(new QLineEdit(this))
    , m_result(new QPlainTextEdit(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(u"clusterDialog"_s);
    setWindowTitle(m_isNew ? tr("Add a cluster") : tr("Edit cluster %1").arg(m_base.name));
    auto* layout = new QVBoxLayout(this);

    auto* general = new QFormLayout;
    m_name->setText(m_base.name);
    m_name->setReadOnly(!m_isNew);
    m_name->setPlaceholderText(tr("a short name: it keys the journal and the keychain entries"));
    if (!m_isNew)
        m_name->setToolTip(tr("A saved cluster keeps its name: to rename it, add it anew and remove this one."));
    general->addRow(tr("&Name"), m_name);
    m_patroni->setText(joinUrls(m_base.patroniUrls));
    m_patroni->setPlaceholderText(u"http://10.0.0.11:8008"_s);
    m_patroni->setToolTip(tr("One member's REST API is enough: the others are discovered. Several, separated by "
                             "spaces, are tried in turn."));
    general->addRow(tr("&Patroni REST API"), m_patroni);
    m_apiUser->setText(m_base.patroniApiUser);
    m_apiUser->setPlaceholderText(tr("only if the API asks for a user (restapi.authentication)"));
    general->addRow(tr("API user"), m_apiUser);
    general->addRow(tr("API password"), m_apiPassword);
    layout->addLayout(general);

    auto* haproxyBox = new QGroupBox(tr("HAProxy (optional)"), this);
    auto* haproxyForm = new QFormLayout(haproxyBox);
    m_haproxy->setText(m_base.haproxyStatsUrl.toString());
    m_haproxy->setPlaceholderText(u"http://10.0.0.10:7000/;csv"_s);
    haproxyForm->addRow(tr("&Stats URL"), m_haproxy);
    m_haproxyUser->setText(m_base.haproxyStatsUser);
    m_haproxyUser->setPlaceholderText(tr("only with \"stats auth\""));
    haproxyForm->addRow(tr("Stats user"), m_haproxyUser);
    haproxyForm->addRow(tr("Stats password"), m_haproxyPassword);
    layout->addWidget(haproxyBox);

    auto* etcdBox = new QGroupBox(tr("etcd (optional)"), this);
    auto* etcdForm = new QFormLayout(etcdBox);
    m_etcd->setText(joinUrls(m_base.etcdUrls));
    m_etcd->setPlaceholderText(u"http://10.0.0.21:2379 http://10.0.0.22:2379 http://10.0.0.23:2379"_s);
    etcdForm->addRow(tr("&Client URLs"), m_etcd);
    layout->addWidget(etcdBox);

    auto* pgBox = new QGroupBox(tr("PostgreSQL (optional: lag in seconds, where HAProxy's ports land)"), this);
    auto* pgForm = new QFormLayout(pgBox);
    m_pgUser->setText(m_isNew ? QString() : m_base.postgres.user);
    m_pgUser->setPlaceholderText(tr("empty: PostgreSQL is not asked"));
    pgForm->addRow(tr("&User"), m_pgUser);
    m_pgDatabase->setText(m_base.postgres.dbname);
    pgForm->addRow(tr("&Database"), m_pgDatabase);
    for (const char* mode : { "disable", "allow", "prefer", "require", "verify-ca", "verify-full" })
        m_pgSslMode->addItem(QString::fromLatin1(mode));
    m_pgSslMode->setCurrentText(m_base.postgres.sslmode);
    pgForm->addRow(tr("TLS (sslmode)"), m_pgSslMode);
    pgForm->addRow(tr("Password"), m_pgPassword);
    layout->addWidget(pgBox);

    auto* tlsBox = new QGroupBox(tr("TLS for the HTTPS sources (optional)"), this);
    auto* tlsForm = new QFormLayout(tlsBox);
    const auto fileRow = [this, tlsForm](const QString& label, QLineEdit* field, const QString& value) {
        field->setText(value);
        field->setPlaceholderText(tr("PEM file"));
        auto* row = new QHBoxLayout;
        row->addWidget(field, 1);
        auto* browse = new QToolButton(this);
        browse->setText(tr("…"));
        browse->setAccessibleName(tr("Choose %1").arg(label));
        connect(browse, &QToolButton::clicked, this, [this, field, label] {
            const QString file = QFileDialog::getOpenFileName(this, label, field->text());
            if (!file.isEmpty())
                field->setText(file);
        });
        row->addWidget(browse);
        tlsForm->addRow(label, row);
    };
    fileRow(tr("CA certificate"), m_caFile, m_base.tls.caFile);
    fileRow(tr("Client certificate"), m_certFile, m_base.tls.clientCertFile);
    fileRow(tr("Client key"), m_keyFile, m_base.tls.clientKeyFile);
    layout->addWidget(tlsBox);

    m_result->setObjectName(u"testResult"_s);
    m_result->setReadOnly(true);
    m_result->setPlaceholderText(tr("Test connection reads every source once and says here what it found."));
    m_result->setMaximumHeight(130);
    m_result->setAccessibleName(tr("Result"));
    layout->addWidget(m_result);

    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    m_save->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_test, &QPushButton::clicked, this, &ClusterDialog::runTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClusterDialog::trySave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_editor) {
        // Answers are taken only for this dialog's own request (another dialog's may still arrive).
        connect(m_editor, &Session::ClusterEditor::tested, this, [this](const QList<Session::SourceCheck>& results) {
            if (m_pending != Pending::Test)
                return;
            setBusy(false);
            QStringList lines;
            bool ok = true;
            for (const Session::SourceCheck& r : results) {
                lines.append((r.ok ? tr("OK      ") : tr("FAILED  ")) + r.source + u": "_s + r.message);
                ok = ok && r.ok;
            }
            showResult(lines.join(u'\n'), ok);
        });
        connect(
            m_editor, &Session::ClusterEditor::saved, this, [this](const QString& name, const QStringList& problems) {
                if (m_pending != Pending::Save || name != m_pendingName)
                    return;
                setBusy(false);
                if (!problems.isEmpty()) {
                    showResult(tr("Not saved: %1").arg(problems.join(u' ')), false);
                    return;
                }
                m_savedName = name;
                accept();
            });
    }
    resize(640, sizeHint().height());
}

std::optional<Cluster::Profile> ClusterDialog::profileFromFields(QStringList* problems) const
{
    Cluster::Profile p = m_base;
    p.name = m_name->text().trimmed();
    p.patroniUrls = parseUrls(m_patroni->text(), tr("Patroni REST API"), problems);
    if (m_patroni->text().trimmed().isEmpty())
        problems->append(tr("Patroni REST API: give the URL of at least one member's REST API"));
    p.patroniApiUser = m_apiUser->text().trimmed();
    const QString stats = m_haproxy->text().trimmed();
    p.haproxyStatsUrl = QUrl();
    if (!stats.isEmpty()) {
        const QList<QUrl> urls = parseUrls(stats, tr("HAProxy stats URL"), problems);
        if (urls.size() > 1)
            problems->append(tr("HAProxy stats URL: one URL only"));
        else if (urls.size() == 1)
            p.haproxyStatsUrl = urls.first();
    }
    p.haproxyStatsUser = m_haproxyUser->text().trimmed();
    if (!p.haproxyStatsUser.isEmpty() && stats.isEmpty())
        problems->append(tr("HAProxy stats user: there is no stats URL to use it with"));
    p.etcdUrls = parseUrls(m_etcd->text(), tr("etcd client URLs"), problems);
    p.postgres.user = m_pgUser->text().trimmed();
    p.postgres.dbname = m_pgDatabase->text().trimmed();
    if (p.postgres.dbname.isEmpty())
        p.postgres.dbname = u"postgres"_s;
    p.postgres.sslmode = m_pgSslMode->currentText();
    p.tls.caFile = m_caFile->text().trimmed();
    p.tls.clientCertFile = m_certFile->text().trimmed();
    p.tls.clientKeyFile = m_keyFile->text().trimmed();
    if (m_isNew && m_editor && m_editor->names().contains(p.name) && !p.name.isEmpty())
        problems->append(tr("Name: a cluster called \"%1\" is saved already").arg(p.name));
    // The profile's own rules (name, URLs, intervals) — each sentence names its field.
    problems->append(Cluster::validate(p));
    problems->removeDuplicates();
    if (!problems->isEmpty())
        return std::nullopt;
    return p;
}

Session::Passwords ClusterDialog::passwords() const
{
    Session::Passwords out;
    if (!m_apiPassword->text().isEmpty())
        out.insert(Cluster::SecretKind::PatroniApi, m_apiPassword->text());
    if (!m_haproxyPassword->text().isEmpty())
        out.insert(Cluster::SecretKind::HaproxyStats, m_haproxyPassword->text());
    if (!m_pgPassword->text().isEmpty())
        out.insert(Cluster::SecretKind::Postgres, m_pgPassword->text());
    return out;
}

void ClusterDialog::runTest()
{
    QStringList problems;
    const auto profile = profileFromFields(&problems);
    if (!profile) {
        showResult(tr("Cannot test yet:\n%1").arg(problems.join(u'\n')), false);
        return;
    }
    if (!m_editor)
        return;
    setBusy(true);
    m_pending = Pending::Test;
    showResult(tr("Reading every source once…"), true);
    m_editor->test(*profile, passwords());
}

void ClusterDialog::trySave()
{
    QStringList problems;
    const auto profile = profileFromFields(&problems);
    if (!profile) {
        showResult(tr("Not saved:\n%1").arg(problems.join(u'\n')), false);
        return;
    }
    if (!m_editor)
        return;
    setBusy(true);
    m_pending = Pending::Save;
    m_pendingName = profile->name;
    showResult(tr("Saving (the passwords go to the keychain first)…"), true);
    m_editor->save(*profile, m_isNew, passwords());
}

void ClusterDialog::showResult(const QString& text, bool ok)
{
    m_result->setPlainText(text);
    QPalette pal = m_result->palette();
    pal.setColor(QPalette::Text, ok ? palette().color(QPalette::Text) : QColor(0xc6, 0x28, 0x28));
    m_result->setPalette(pal);
}

QString ClusterDialog::resultText() const
{
    return m_result->toPlainText();
}

void ClusterDialog::setBusy(bool busy)
{
    if (!busy)
        m_pending = Pending::None;
    m_test->setEnabled(!busy);
    m_save->setEnabled(!busy);
}

} // namespace Ui
