#include "ui/snapshot/snapshotwriter.h"

#include "models/cluster/clusterstore.h"
#include "models/session/clustersession.h"
#include "models/snapshot/redactor.h"
#include "models/snapshot/report.h"
#include "ui/cluster/clusterpage.h"

#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSysInfo>
#include <QTextDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

bool checkWritable(const QString& path, QString* error)
{
    if (path.isEmpty()) {
        *error = u"no output file given"_s;
        return false;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        *error = u"%1 is a directory; give a file name"_s.arg(path);
        return false;
    }
    if (!info.absoluteDir().exists()) {
        *error = u"cannot write %1: the directory %2 does not exist"_s.arg(path, info.absolutePath());
        return false;
    }
    QSaveFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, probe.errorString());
        return false;
    }
    probe.cancelWriting(); // the temporary file goes; an existing file at `path` is untouched
    return true;
}

QImage snapshotPicture(Session::ClusterSession* session, QWidget* page, QSize size)
{
    QImage shot;
    if (page) {
        shot = page->grab().toImage();
    } else {
        ClusterPage offscreen;
        offscreen.setAttribute(Qt::WA_DontShowOnScreen);
        offscreen.resize(size);
        offscreen.setSession(session);
        offscreen.show();
        // The topology redraws at most every 100 ms and the charts on their own timers: let them catch up.
        QEventLoop loop;
        QTimer::singleShot(400, &loop, &QEventLoop::quit);
        loop.exec();
        shot = offscreen.grab().toImage();
    }
    const QPalette palette = QApplication::palette();
    const int caption = 30; // logical pixels, as everything painted below
    const qreal dpr = shot.devicePixelRatio();
    const int width = qRound(shot.width() / dpr);
    QImage out(shot.width(), shot.height() + qRound(caption * dpr), QImage::Format_RGB32);
    out.setDevicePixelRatio(dpr);
    out.fill(palette.color(QPalette::Window));
    QPainter p(&out);
    p.drawImage(QPoint(0, caption), shot);
    QFont font = QApplication::font();
    font.setBold(true);
    p.setFont(font);
    p.setPen(palette.color(QPalette::WindowText));
    p.drawText(QRect(10, 0, width - 20, caption), Qt::AlignVCenter | Qt::AlignLeft,
        u"Cluster %1 — %2"_s.arg(
            session->name(), QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s)));
    return out;
}

namespace {

    void writePdf(QIODevice* device, const QString& html, const QString& title)
    {
        QPdfWriter writer(device);
        writer.setTitle(title);
        writer.setCreator(QCoreApplication::applicationName());
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setResolution(144);
        QTextDocument document;
        document.setDefaultFont(QFont(QApplication::font().family(), 8));
        document.setHtml(html);
        document.print(&writer);
    }

} // namespace

SnapshotOutcome renderSnapshot(const SnapshotRequest& request, QByteArray* bytes)
{
    SnapshotOutcome outcome;
    Session::ClusterSession* session = request.session;
    Snapshot::Redactor redactor;
    for (const QString& s : session->secretsInUse())
        redactor.addSecret(s);
    for (const QString& s : request.secrets)
        redactor.addSecret(s);
    redactor.addSecretsFromEnvironment(QProcessEnvironment::systemEnvironment());

    const Cluster::ClusterStore* store = session->store();
    Snapshot::Input input;
    input.profile = session->profile();
    input.state = &store->state();
    input.findings = store->findings();
    input.journal = request.journal;
    input.takenAt = QDateTime::currentDateTimeUtc();
    input.origin = Snapshot::localOrigin();
    const QJsonObject json = Snapshot::build(input, redactor);
    outcome.redactions = json.value("redactions"_L1).toInt();

    switch (request.format) {
    case Snapshot::Format::Json:
        *bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
        break;
    case Snapshot::Format::Markdown:
        *bytes = Snapshot::toMarkdown(Snapshot::report(json)).toUtf8();
        break;
    case Snapshot::Format::Html:
        *bytes = Snapshot::toHtml(Snapshot::report(json)).toUtf8();
        break;
    case Snapshot::Format::Pdf: {
        const Snapshot::Report report = Snapshot::report(json);
        QBuffer buffer(bytes);
        buffer.open(QIODevice::WriteOnly);
        writePdf(&buffer, Snapshot::toHtml(report, true), report.title);
        break;
    }
    case Snapshot::Format::Png: {
        const QImage picture = snapshotPicture(session, request.page, request.pageSize);
        QBuffer buffer(bytes);
        buffer.open(QIODevice::WriteOnly);
        if (picture.isNull() || !picture.save(&buffer, "PNG"))
            outcome.error = u"the picture of the cluster's page could not be made"_s;
        break;
    }
    }
    if (outcome.error.isEmpty() && bytes->isEmpty())
        outcome.error = u"nothing was produced"_s;
    outcome.written = outcome.error.isEmpty();
    return outcome;
}

SnapshotOutcome writeSnapshot(const SnapshotRequest& request)
{
    QByteArray bytes;
    SnapshotOutcome outcome = renderSnapshot(request, &bytes);
    if (!outcome.written) {
        outcome.error = u"cannot write %1: %2"_s.arg(request.path, outcome.error);
        return outcome;
    }
    outcome.written = false;
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        outcome.error = u"cannot write %1: %2"_s.arg(request.path, file.errorString());
        return outcome; // QSaveFile removes its temporary file when not committed
    }
    outcome.written = true;
    return outcome;
}

} // namespace Ui
