#include "models/actions/controller.h"

using namespace Qt::StringLiterals;

namespace Actions {

QString resultName(Outcome::Result result)
{
    switch (result) {
    case Outcome::Result::Refused:
        return u"refused"_s;
    case Outcome::Result::Failed:
        return u"failed"_s;
    case Outcome::Result::Unknown:
        return u"unknown"_s;
    case Outcome::Result::NotVerified:
        return u"not-verified"_s;
    case Outcome::Result::Done:
        return u"done"_s;
    }
    return {};
}

} // namespace Actions
