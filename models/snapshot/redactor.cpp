#include "models/snapshot/redactor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snapshot {

namespace {

    // libpq conninfo: password=secret or password = 'with spaces \' quotes'.
    const QRegularExpression& conninfoPassword()
    {
        static const QRegularExpression re(
            uR"((\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s']+))"_s, QRegularExpression::CaseInsensitiveOption);
        return re;
    }

    // scheme://user:password@host — the password part only, so the reader still sees who connects.
    const QRegularExpression& urlUserInfo()
    {
        static const QRegularExpression re(
            uR"((\b[a-z][a-z0-9+.\-]*://[^\s/:@]*):([^\s@/]+)@)"_s, QRegularExpression::CaseInsensitiveOption);
        return re;
    }

    // Authorization header values as HTTP spells them; the value must look like a credential (a digit
    // or one of = + / in it), so prose such as "Basic authentication failed" stays readable.
    const QRegularExpression& authorisation()
    {
        static const QRegularExpression re(
            uR"(\b(Basic|Bearer)\s+(?=[A-Za-z0-9+/=._~-]*[0-9=+/])[A-Za-z0-9+/=._~-]{8,})"_s);
        return re;
    }

    bool isSecretName(QStringView upperName)
    {
        for (const QStringView word : { u"PASSWORD", u"PASSWD", u"SECRET", u"TOKEN" }) {
            if (upperName.contains(word))
                return true;
        }
        return false;
    }

} // namespace

void Redactor::addSecret(const QString& value)
{
    if (value.size() < 3 || m_secrets.contains(value))
        return;
    m_secrets.append(value);
    std::stable_sort(
        m_secrets.begin(), m_secrets.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

void Redactor::addSecretsFromEnvironment(const QProcessEnvironment& environment)
{
    for (const QString& name : environment.keys()) {
        if (isSecretName(name.toUpper()))
            addSecret(environment.value(name));
    }
}

bool Redactor::isSecretKey(QStringView key)
{
    const QString k = key.toString().toLower();
    for (const QStringView end : { u"password", u"passwd", u"pwd", u"secret", u"token", u"apikey", u"api_key",
             u"private_key", u"privatekey", u"secret_key", u"authorization", u"credentials" }) {
        if (k.endsWith(end))
            return true;
    }
    return false;
}

QString Redactor::redactString(const QString& text) const
{
    QString out = text;
    for (const QString& secret : m_secrets)
        out.replace(secret, mask);
    out.replace(conninfoPassword(), u"\\1"_s + mask);
    out.replace(urlUserInfo(), u"\\1:"_s + mask + u'@');
    out.replace(authorisation(), u"\\1 "_s + mask);
    // A value that only ever held the mask (or was masked twice) is not a new redaction.
    if (out != text)
        ++m_count;
    return out;
}

QString Redactor::redactText(const QString& text) const
{
    return redactString(text);
}

QJsonValue Redactor::redact(const QJsonValue& value) const
{
    switch (value.type()) {
    case QJsonValue::String:
        return redactString(value.toString());
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(redact(v));
        return out;
    }
    case QJsonValue::Object: {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
            const QJsonValue v = it.value();
            const bool empty = v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty());
            if (isSecretKey(it.key()) && !empty && v.toString() != mask) {
                ++m_count;
                out.insert(redactString(it.key()), mask);
            } else {
                out.insert(redactString(it.key()), redact(v));
            }
        }
        return out;
    }
    default:
        return value;
    }
}

} // namespace Snapshot
