// Renders the application's SVG icon as the PNG sizes desktops look for (hicolor/<n>x<n>/apps):
// rendericon <icon.svg> <output directory> <size>...
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 4) {
        err << "usage: rendericon ICON.svg OUTDIR SIZE...\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "rendericon: " << args.at(1) << " is not a readable SVG\n";
        return 1;
    }
    const QString base = QFileInfo(args.at(1)).completeBaseName();
    for (const QString& s : args.mid(3)) {
        bool ok = false;
        const int size = s.toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            err << "rendericon: size " << s << " must be a number from 8 to 1024\n";
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        QDir().mkpath(dir);
        const QString path = dir + QLatin1Char('/') + base + QStringLiteral(".png");
        if (!image.save(path, "PNG")) {
            err << "rendericon: cannot write " << path << '\n';
            return 1;
        }
    }
    return 0;
}
