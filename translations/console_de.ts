<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <source>its REST API answers</source>
        <translation>seine REST API antwortet</translation>
    </message>
    <message>
        <source>its REST API does not answer</source>
        <translation>seine REST API antwortet nicht</translation>
    </message>
    <message>
        <source>PostgreSQL is %1</source>
        <translation>PostgreSQL ist %1</translation>
    </message>
    <message>
        <source>it is %1, not running</source>
        <translation>es ist %1 und läuft nicht</translation>
    </message>
    <message>
        <source>tagged nofailover (or failover_priority 0): Patroni never promotes it</source>
        <translation>mit nofailover markiert (oder failover_priority 0): Patroni stuft es nie hoch</translation>
    </message>
    <message>
        <source>no nofailover tag</source>
        <translation>kein nofailover-Tag</translation>
    </message>
    <message>
        <source>%1 behind (limit %2, maximum_lag_on_failover)</source>
        <translation>%1 Rückstand (Grenze %2, maximum_lag_on_failover)</translation>
    </message>
    <message>
        <source>its lag is unknown</source>
        <translation>seine Verzögerung ist unbekannt</translation>
    </message>
    <message>
        <source>on the cluster&apos;s timeline %1</source>
        <translation>auf der Timeline %1 des Clusters</translation>
    </message>
    <message>
        <source>on timeline %1, the cluster on %2</source>
        <translation>auf Timeline %1, der Cluster auf %2</translation>
    </message>
    <message>
        <source>in the synchronous set</source>
        <translation>im synchronen Set</translation>
    </message>
    <message>
        <source>not in the synchronous set (synchronous mode is on: only a sync standby may be promoted)</source>
        <translation>nicht im synchronen Set (der synchrone Modus ist aktiv: nur ein Sync Standby darf hochgestuft werden)</translation>
    </message>
    <message>
        <source>the cluster could not be read (%1): nothing is sent while its state is unknown</source>
        <translation>der Cluster konnte nicht gelesen werden (%1): Solange sein Zustand unbekannt ist, wird nichts gesendet</translation>
    </message>
    <message>
        <source>no member named &quot;%1&quot;; the members are %2</source>
        <translation>kein Mitglied namens „%1“; die Mitglieder sind %2</translation>
    </message>
    <message>
        <source>there is no leader to hand over from: use failover --candidate NAME</source>
        <translation>es gibt keinen Leader, von dem übergeben werden kann: Verwenden Sie failover --candidate NAME</translation>
    </message>
    <message>
        <source>a failover needs --candidate NAME: the member to promote</source>
        <translation>ein Failover braucht --candidate NAME: das Mitglied, das hochgestuft werden soll</translation>
    </message>
    <message>
        <source>%1 is already the leader; name another member</source>
        <translation>%1 ist bereits der Leader; nennen Sie ein anderes Mitglied</translation>
    </message>
    <message>
        <source>%1 cannot become leader: %2</source>
        <translation>%1 kann nicht Leader werden: %2</translation>
    </message>
    <message>
        <source>no member can become leader (%1)</source>
        <translation>kein Mitglied kann Leader werden (%1)</translation>
    </message>
    <message>
        <source>the cluster is paused: name the candidate (Patroni refuses a switchover without one while paused) or resume first</source>
        <translation>der Cluster ist pausiert: Nennen Sie den Kandidaten (im pausierten Zustand lehnt Patroni einen Switchover ohne Kandidaten ab) oder setzen Sie den Cluster zuerst fort</translation>
    </message>
    <message>
        <source>a failover cannot be scheduled; schedule a switchover</source>
        <translation>ein Failover kann nicht geplant werden; planen Sie einen Switchover</translation>
    </message>
    <message>
        <source>%1 is in the past; give a time to come, or none for now</source>
        <translation>%1 liegt in der Vergangenheit; geben Sie einen künftigen Zeitpunkt an oder keinen für sofort</translation>
    </message>
    <message>
        <source>the cluster is paused: Patroni refuses a scheduled switchover; resume first</source>
        <translation>der Cluster ist pausiert: Patroni lehnt einen geplanten Switchover ab; setzen Sie den Cluster zuerst fort</translation>
    </message>
    <message>
        <source>it replaces the switchover already scheduled at %1 (Patroni keeps only one)</source>
        <translation>er ersetzt den bereits für %1 geplanten Switchover (Patroni behält nur einen)</translation>
    </message>
    <message>
        <source>the leader %1 is healthy: a switchover is the gentler way</source>
        <translation>der Leader %1 ist gesund: Ein Switchover ist der schonendere Weg</translation>
    </message>
    <message>
        <source>no switchover is scheduled</source>
        <translation>es ist kein Switchover geplant</translation>
    </message>
    <message>
        <source>name the member</source>
        <translation>nennen Sie das Mitglied</translation>
    </message>
    <message>
        <source>%1&apos;s REST API does not answer: the request could not reach it</source>
        <translation>die REST API von %1 antwortet nicht: Die Anfrage konnte es nicht erreichen</translation>
    </message>
    <message>
        <source>%1 is the leader; reinit rebuilds a replica from the leader</source>
        <translation>%1 ist der Leader; reinit baut ein Replikat vom Leader neu auf</translation>
    </message>
    <message>
        <source>%1 is %2: its data directory is thrown away and copied anew</source>
        <translation>%1 ist %2: Sein Datenverzeichnis wird verworfen und neu kopiert</translation>
    </message>
    <message>
        <source>no restart of %1 is scheduled</source>
        <translation>für %1 ist kein Neustart geplant</translation>
    </message>
    <message>
        <source>the cluster is paused: Patroni refuses a scheduled restart; resume first</source>
        <translation>der Cluster ist pausiert: Patroni lehnt einen geplanten Neustart ab; setzen Sie den Cluster zuerst fort</translation>
    </message>
    <message>
        <source>%1 needs no restart (--pending)</source>
        <translation>%1 braucht keinen Neustart (--pending)</translation>
    </message>
    <message>
        <source>--role must be primary, replica, standby-leader or any, not &quot;%1&quot;</source>
        <translation>--role muss primary, replica, standby-leader oder any sein, nicht „%1“</translation>
    </message>
    <message>
        <source>%1 is %2, not %3 (--role): Patroni would refuse with 503</source>
        <translation>%1 ist %2, nicht %3 (--role): Patroni würde mit 503 ablehnen</translation>
    </message>
    <message>
        <source>the primary</source>
        <translation>der Primary</translation>
    </message>
    <message>
        <source>a replica</source>
        <translation>ein Replikat</translation>
    </message>
    <message>
        <source>the dynamic configuration could not be read (%1): nothing is changed blind</source>
        <translation>die dynamische Konfiguration konnte nicht gelesen werden (%1): Blind wird nichts geändert</translation>
    </message>
    <message>
        <source>nothing would change: the configuration already says so</source>
        <translation>es würde sich nichts ändern: Die Konfiguration enthält das bereits</translation>
    </message>
    <message>
        <source>the result is not a configuration Patroni accepts: %1</source>
        <translation>das Ergebnis ist keine Konfiguration, die Patroni akzeptiert: %1</translation>
    </message>
    <message>
        <source>%1 must be a positive number of seconds</source>
        <translation>%1 muss eine positive Anzahl von Sekunden sein</translation>
    </message>
    <message>
        <source>loop_wait + 2 × retry_timeout (%1 s) exceeds ttl (%2 s): a leader may lose its lock during a DCS hiccup</source>
        <translation>loop_wait + 2 × retry_timeout (%1 s) übersteigt ttl (%2 s): Ein Leader kann bei einem kurzen Aussetzer des DCS seine Sperre verlieren</translation>
    </message>
    <message>
        <source>%1 take(s) effect only after PostgreSQL restarts on every member (they will show pending restart; then restart MEMBER --pending, replicas first)</source>
        <translation>%1 wirkt/wirken erst, nachdem PostgreSQL auf jedem Mitglied neu gestartet wurde (die Mitglieder zeigen dann pending restart; danach restart MEMBER --pending, Replikate zuerst)</translation>
    </message>
    <message>
        <source>the cluster is already paused</source>
        <translation>der Cluster ist bereits pausiert</translation>
    </message>
    <message>
        <source>the cluster is not paused</source>
        <translation>der Cluster ist nicht pausiert</translation>
    </message>
    <message>
        <source>the switchover is scheduled</source>
        <translation>der Switchover ist geplant</translation>
    </message>
    <message>
        <source>another member</source>
        <translation>ein anderes Mitglied</translation>
    </message>
    <message>
        <source>%1 is the leader</source>
        <translation>%1 ist der Leader</translation>
    </message>
    <message>
        <source>the timeline went from %1 to %2</source>
        <translation>die Timeline ist von %1 auf %2 gestiegen</translation>
    </message>
    <message>
        <source>the timeline went up by one</source>
        <translation>die Timeline ist um eins gestiegen</translation>
    </message>
    <message>
        <source>%1 rejoined as a streaming replica</source>
        <translation>%1 ist als streamendes Replikat wieder beigetreten</translation>
    </message>
    <message>
        <source>HAProxy&apos;s port %1 routes to the new leader only</source>
        <translation>Port %1 von HAProxy leitet nur zum neuen Leader</translation>
    </message>
    <message>
        <source>HAProxy&apos;s port %1 routes to replicas only</source>
        <translation>Port %1 von HAProxy leitet nur zu Replikaten</translation>
    </message>
    <message>
        <source>a connection through port %1 lands on the new leader, a primary</source>
        <translation>eine Verbindung über Port %1 landet auf dem neuen Leader, einem Primary</translation>
    </message>
    <message>
        <source>the cluster is paused</source>
        <translation>der Cluster ist pausiert</translation>
    </message>
    <message>
        <source>the cluster is no longer paused</source>
        <translation>der Cluster ist nicht mehr pausiert</translation>
    </message>
    <message>
        <source>the dynamic configuration reads as edited</source>
        <translation>die dynamische Konfiguration entspricht der Bearbeitung</translation>
    </message>
    <message>
        <source>a restart of %1 is scheduled</source>
        <translation>ein Neustart von %1 ist geplant</translation>
    </message>
    <message>
        <source>%1 is running and answering</source>
        <translation>%1 läuft und antwortet</translation>
    </message>
    <message>
        <source>%1 no longer needs a restart</source>
        <translation>%1 braucht keinen Neustart mehr</translation>
    </message>
    <message>
        <source>%1 was seen rebuilding</source>
        <translation>%1 wurde beim Neuaufbau gesehen</translation>
    </message>
    <message>
        <source>%1 streams from the leader again</source>
        <translation>%1 streamt wieder vom Leader</translation>
    </message>
    <message>
        <source>At %1: </source>
        <translation>Am %1: </translation>
    </message>
    <message>
        <source>%1 becomes leader; %2 is demoted and rejoins as a replica; connections through port %3 drop for a few seconds and clients must reconnect.</source>
        <translation>%1 wird Leader; %2 wird herabgestuft und kehrt als Replikat zurück; Verbindungen über Port %3 brechen für einige Sekunden ab und Clients müssen sich neu verbinden.</translation>
    </message>
    <message>
        <source>the healthiest eligible replica (Patroni chooses)</source>
        <translation>das gesündeste geeignete Replikat (Patroni wählt es aus)</translation>
    </message>
    <message>
        <source>the leader</source>
        <translation>der Leader</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>eine unbekannte Menge</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation> (%1 s)</translation>
    </message>
    <message>
        <source>%1 is promoted to leader%2. It is %3 behind: writes the old leader had not sent it are lost. Connections through port %4 drop and clients must reconnect.</source>
        <translation>%1 wird zum Leader hochgestuft%2. Sein Rückstand beträgt %3: Schreibvorgänge, die der alte Leader ihm nicht gesendet hatte, gehen verloren. Verbindungen über Port %4 brechen ab und Clients müssen sich neu verbinden.</translation>
    </message>
    <message>
        <source> without waiting for %1, which is demoted</source>
        <translation> – ohne auf den Leader %1 zu warten, der herabgestuft wird</translation>
    </message>
    <message>
        <source>The switchover scheduled at %1 is cancelled; the leader stays.</source>
        <translation>Der für %1 geplante Switchover wird abgebrochen; der Leader bleibt.</translation>
    </message>
    <message>
        <source>every member</source>
        <translation>jedem Mitglied</translation>
    </message>
    <message>
        <source>PostgreSQL on %1 restarts: its connections drop</source>
        <translation>PostgreSQL auf %1 startet neu: Die Verbindungen brechen ab</translation>
    </message>
    <message>
        <source>; while the leader restarts there is no writable primary for a few seconds (Patroni does not fail over for a restart)</source>
        <translation>; während der Leader neu startet, gibt es einige Sekunden lang keinen beschreibbaren Primary (Patroni führt für einen Neustart kein Failover aus)</translation>
    </message>
    <message>
        <source>The restart of %1 scheduled for later is cancelled.</source>
        <translation>Der für später geplante Neustart von %1 wird abgebrochen.</translation>
    </message>
    <message>
        <source>Patroni on %1 re-reads its configuration and PostgreSQL reloads its settings; connections stay.</source>
        <translation>Patroni auf %1 liest seine Konfiguration neu ein und PostgreSQL lädt seine Einstellungen neu; Verbindungen bleiben bestehen.</translation>
    </message>
    <message>
        <source>%1&apos;s data directory is deleted and copied anew from the leader; it serves no reads until it streams again.</source>
        <translation>Das Datenverzeichnis von %1 wird gelöscht und vom Leader neu kopiert; bis es wieder streamt, bedient es keine Lesezugriffe.</translation>
    </message>
    <message>
        <source>Patroni stops managing the cluster: no automatic failover until it is resumed.</source>
        <translation>Patroni hört auf, den Cluster zu verwalten: kein automatisches Failover, bis er fortgesetzt wird.</translation>
    </message>
    <message>
        <source>Patroni manages the cluster again: automatic failover is back on.</source>
        <translation>Patroni verwaltet den Cluster wieder: Automatisches Failover ist wieder aktiv.</translation>
    </message>
    <message>
        <source>The dynamic configuration changes (every member applies it within a loop):
  </source>
        <translation>Die dynamische Konfiguration ändert sich (jedes Mitglied übernimmt sie innerhalb eines Durchlaufs):
  </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Patroni Console: watch and steer PostgreSQL HA clusters run by Patroni, etcd and HAProxy.
Without a command it opens the window on every saved cluster (the built-in &quot;lab&quot; while none is saved).

Commands (each has --help):
  status     read a cluster (or, with --all, every saved cluster) once and print it
  watch      the same, redrawn in place until Ctrl-C
  snapshot   write everything known about a cluster, secrets redacted: JSON, Markdown, HTML, PDF, PNG
  check      a monitoring plugin (Nagios/Icinga): exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
  history    Patroni&apos;s promotions and the console&apos;s journal of a cluster, filtered
  switchover, failover, restart, reload, reinit, pause, resume, edit-config
             act on a cluster: checked first, confirmed, sent once, verified after, audited
  audit      every action sent or refused, with its answer and verification
  profiles   list, show, import, export and remove saved clusters</source>
        <translation>Patroni Console: PostgreSQL-HA-Cluster beobachten und steuern, die mit Patroni, etcd und HAProxy laufen.
Ohne Befehl öffnet sie das Fenster mit allen gespeicherten Clustern (dem eingebauten &quot;lab&quot;, solange keiner gespeichert ist).

Befehle (jeder hat --help):
  status     einen Cluster (oder mit --all jeden gespeicherten Cluster) einmal lesen und ausgeben
  watch      dasselbe, an Ort und Stelle neu gezeichnet bis Strg-C
  snapshot   alles über einen Cluster Bekannte schreiben, Geheimnisse geschwärzt: JSON, Markdown, HTML, PDF, PNG
  check      ein Monitoring-Plugin (Nagios/Icinga): Exit-Code 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
  history    die Hochstufungen laut Patroni und das Journal der Konsole zu einem Cluster, gefiltert
  switchover, failover, restart, reload, reinit, pause, resume, edit-config
             auf einen Cluster einwirken: erst geprüft, bestätigt, einmal gesendet, danach überprüft, protokolliert
  audit      jede gesendete oder abgelehnte Aktion mit ihrer Antwort und Überprüfung
  profiles   gespeicherte Cluster auflisten, zeigen, importieren, exportieren und entfernen</translation>
    </message>
    <message>
        <source>status, watch, snapshot, check, history, an action, audit or profiles; none: the window</source>
        <translation>status, watch, snapshot, check, history, eine Aktion, audit oder profiles; keiner: das Fenster</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Patroni REST API URL of a member of a cluster that is not saved (repeatable); the other members are discovered from it. Only Patroni is watched.</source>
        <translation>Patroni-REST-API-URL eines Mitglieds eines nicht gespeicherten Clusters (mehrfach möglich); die anderen Mitglieder werden darüber gefunden. Nur Patroni wird beobachtet.</translation>
    </message>
    <message>
        <source>Watch this saved cluster (repeatable; &quot;lab&quot; is the repository&apos;s lab cluster unless a saved one has that name). Default: every saved cluster.</source>
        <translation>Diesen gespeicherten Cluster beobachten (mehrfach möglich; &quot;lab&quot; ist der Lab-Cluster des Repositorys, sofern kein gespeicherter so heißt). Standard: jeder gespeicherte Cluster.</translation>
    </message>
    <message>
        <source>Poll Patroni every MS milliseconds, for every cluster (default: each profile&apos;s own).</source>
        <translation>Patroni alle MS Millisekunden abfragen, für jeden Cluster (Standard: das Intervall jedes Profils).</translation>
    </message>
    <message>
        <source>Total deadline per request in milliseconds, for every cluster (default: each profile&apos;s own).</source>
        <translation>Gesamtes Zeitlimit pro Anfrage in Millisekunden, für jeden Cluster (Standard: das Zeitlimit jedes Profils).</translation>
    </message>
    <message>
        <source>Open the window, wait for the first poll, save a PNG of the window to FILE and exit (0 if the cluster shown was read, 1 otherwise).</source>
        <translation>Das Fenster öffnen, die erste Abfrage abwarten, ein PNG des Fensters in FILE speichern und beenden (0, wenn der gezeigte Cluster gelesen wurde, sonst 1).</translation>
    </message>
    <message>
        <source>With --screenshot: keep watching SECONDS more after the first complete round before saving (the lag chart fills, a failover can be caught mid-way).</source>
        <translation>Mit --screenshot: nach der ersten vollständigen Runde noch SECONDS Sekunden weiter beobachten, bevor gespeichert wird (das Lag-Diagramm füllt sich, ein Failover lässt sich mittendrin festhalten).</translation>
    </message>
    <message>
        <source>Use a dark palette (whatever the desktop&apos;s is).</source>
        <translation>Eine dunkle Palette verwenden (unabhängig von der des Desktops).</translation>
    </message>
    <message>
        <source>Title of the window (nothing else).</source>
        <translation>Titel des Fensters (sonst nichts).</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; try --help</source>
        <translation>unbekannter Befehl &quot;%1&quot;; versuchen Sie --help</translation>
    </message>
    <message>
        <source>--url &quot;%1&quot; is not an http(s) URL with a host</source>
        <translation>--url &quot;%1&quot; ist keine http(s)-URL mit Host</translation>
    </message>
    <message>
        <source>give --url or --profile, not both</source>
        <translation>geben Sie --url oder --profile an, nicht beides</translation>
    </message>
    <message>
        <source>--interval must be a number of milliseconds, at least 100</source>
        <translation>--interval muss eine Anzahl Millisekunden sein, mindestens 100</translation>
    </message>
    <message>
        <source>--timeout must be a number of milliseconds, at least 100</source>
        <translation>--timeout muss eine Anzahl Millisekunden sein, mindestens 100</translation>
    </message>
    <message>
        <source>--screenshot-wait must be a number of seconds, 0 to 3600</source>
        <translation>--screenshot-wait muss eine Anzahl Sekunden sein, 0 bis 3600</translation>
    </message>
    <message>
        <source>--screenshot-wait needs --screenshot FILE.png</source>
        <translation>--screenshot-wait erfordert --screenshot FILE.png</translation>
    </message>
</context>
<context>
    <name>App::ActionExecutor</name>
    <message>
        <source>The password is kept for this session only and written nowhere.</source>
        <translation>Das Passwort wird nur für diese Sitzung aufbewahrt und nirgends gespeichert.</translation>
    </message>
    <message>
        <source>The REST API refused the password: it was not stored.</source>
        <translation>Die REST-API hat das Passwort abgelehnt: Es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The password is stored in the system keychain.</source>
        <translation>Das Passwort ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The keychain did not take the password (%1): it is kept for this session only and written nowhere.</source>
        <translation>Der Schlüsselbund hat das Passwort nicht angenommen (%1): Es wird nur für diese Sitzung aufbewahrt und nirgends gespeichert.</translation>
    </message>
    <message>
        <source>Patroni gave no clear answer, and within %1 s this was not seen: %2. Look at the cluster before doing anything else.</source>
        <translation>Patroni hat keine klare Antwort gegeben, und innerhalb von %1 s war Folgendes nicht zu sehen: %2. Sehen Sie sich den Cluster an, bevor Sie etwas anderes tun.</translation>
    </message>
    <message>
        <source>Patroni accepted it, but within %1 s this was not seen: %2. Look at the cluster before doing anything else.</source>
        <translation>Patroni hat es angenommen, aber innerhalb von %1 s war Folgendes nicht zu sehen: %2. Sehen Sie sich den Cluster an, bevor Sie etwas anderes tun.</translation>
    </message>
    <message>
        <source> (and the audit log could not be written: %1)</source>
        <translation> (und das Audit-Protokoll konnte nicht geschrieben werden: %1)</translation>
    </message>
    <message>
        <source>another action is in flight for this cluster; wait for it to finish</source>
        <translation>für diesen Cluster läuft bereits eine andere Aktion; warten Sie, bis sie abgeschlossen ist</translation>
    </message>
    <message>
        <source>the leader changed from %1 to %2 since it was confirmed: nothing was sent; look again and confirm anew</source>
        <translation>der Leader hat sich seit der Bestätigung geändert (vorher: %1, jetzt: %2): Es wurde nichts gesendet; sehen Sie erneut nach und bestätigen Sie neu</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>the DCS gives no REST API address for %1</source>
        <translation>der DCS nennt keine Adresse der REST API für %1</translation>
    </message>
    <message>
        <source>%1&apos;s API is plain http while the cluster is configured for https: the password would travel in clear, so nothing was sent</source>
        <translation>die API von %1 ist einfaches http, während der Cluster für https konfiguriert ist: Das Passwort würde im Klartext übertragen, daher wurde nichts gesendet</translation>
    </message>
    <message>
        <source>name the member: one request goes to one member&apos;s API</source>
        <translation>nennen Sie das Mitglied: Eine Anfrage geht an die API genau eines Mitglieds</translation>
    </message>
    <message>
        <source>nothing was sent: %1</source>
        <translation>es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>no answer within 30 s: the action may still be in progress; watching what happens</source>
        <translation>keine Antwort innerhalb von 30 s: Die Aktion läuft womöglich noch; es wird beobachtet, was geschieht</translation>
    </message>
    <message>
        <source>the request did not reach Patroni: %1; nothing was changed</source>
        <translation>die Anfrage hat Patroni nicht erreicht: %1; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Patroni accepted it (%1)</source>
        <translation>Patroni hat es angenommen (%1)</translation>
    </message>
    <message>
        <source>Patroni did it (%1)</source>
        <translation>Patroni hat es ausgeführt (%1)</translation>
    </message>
    <message>
        <source>Patroni does not know whether it worked (%1); watching what happens</source>
        <translation>Patroni weiß nicht, ob es funktioniert hat (%1); es wird beobachtet, was geschieht</translation>
    </message>
    <message>
        <source>the REST API refused the user name or password (%1); check the API user (--user, PATRONI_API_USER) and its password; nothing was changed</source>
        <translation>die REST API hat Benutzername oder Passwort abgelehnt (%1); prüfen Sie den API-Benutzer (--user, PATRONI_API_USER) und sein Passwort; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>the REST API refused the user name or password (%1); nothing was changed; give them again</source>
        <translation>die REST API hat Benutzername oder Passwort abgelehnt (%1); es wurde nichts geändert; geben Sie beide erneut ein</translation>
    </message>
    <message>
        <source>the REST API forbids this (%1); nothing was changed</source>
        <translation>die REST API verbietet dies (%1); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Patroni refused the request (%1); nothing was changed</source>
        <translation>Patroni hat die Anfrage abgelehnt (%1); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>there was nothing to cancel (%1)</source>
        <translation>es gab nichts abzubrechen (%1)</translation>
    </message>
    <message>
        <source>Patroni refused: its preconditions are not met (%1); nothing was changed</source>
        <translation>Patroni hat abgelehnt: Die Vorbedingungen sind nicht erfüllt (%1); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Patroni refused the time (%1); nothing was changed</source>
        <translation>Patroni hat den Zeitpunkt abgelehnt (%1); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Patroni failed inside (%1); look at its log before trying again</source>
        <translation>Patroni ist intern gescheitert (%1); sehen Sie sich sein Log an, bevor Sie es erneut versuchen</translation>
    </message>
    <message>
        <source>Patroni could not do it (%1); nothing was changed</source>
        <translation>Patroni konnte es nicht ausführen (%1); es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Patroni answered HTTP %1</source>
        <translation>Patroni hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>Patroni gave no clear answer, but every check passed</source>
        <translation>Patroni hat keine klare Antwort gegeben, aber jede Prüfung war erfolgreich</translation>
    </message>
</context>
<context>
    <name>App::CompositionRoot</name>
    <message numerus="yes">
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n Cluster</numerusform>
            <numerusform>%n Cluster</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings set aside</source>
        <translation>Einstellungen beiseitegelegt</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>App::FleetEditor</name>
    <message>
        <source>a cluster called &quot;%1&quot; is saved already</source>
        <translation>ein Cluster namens &quot;%1&quot; ist bereits gespeichert</translation>
    </message>
    <message>
        <source>the keychain did not take the passwords (%1); unlock it and try again</source>
        <translation>der Schlüsselbund hat die Passwörter nicht angenommen (%1); entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>no saved cluster is called &quot;%1&quot;</source>
        <translation>es ist kein Cluster namens &quot;%1&quot; gespeichert</translation>
    </message>
    <message>
        <source>its keychain entries could not be removed (%1); unlock the keychain and try again</source>
        <translation>seine Einträge im Schlüsselbund konnten nicht entfernt werden (%1); entsperren Sie den Schlüsselbund und versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>App::LiveSession</name>
    <message>
        <source>the keychain has not answered (is it locked?)</source>
        <translation>der Schlüsselbund hat nicht geantwortet (ist er gesperrt?)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Refused: no terminal to confirm on; add --yes to act without asking.</source>
        <translation>Abgelehnt: kein Terminal zum Bestätigen; geben Sie --yes an, um ohne Rückfrage zu handeln.</translation>
    </message>
    <message>
        <source>Type %1 to confirm: </source>
        <translation>Geben Sie zur Bestätigung %1 ein: </translation>
    </message>
    <message>
        <source>Proceed? [y/N] </source>
        <translation>Fortfahren? [y/N] </translation>
    </message>
    <message>
        <source>Not confirmed: nothing was sent.</source>
        <translation>Nicht bestätigt: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>That is not the member&apos;s name: nothing was sent.</source>
        <translation>Das ist nicht der Name des Mitglieds: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Refused: %1. Nothing was sent.</source>
        <translation>Abgelehnt: %1. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>no member needs a restart</source>
        <translation>kein Mitglied braucht einen Neustart</translation>
    </message>
    <message>
        <source>the cluster lists no member</source>
        <translation>der Cluster führt kein Mitglied auf</translation>
    </message>
    <message>
        <source>Reload %1, one after the other.</source>
        <translation>%1 nacheinander neu laden.</translation>
    </message>
    <message>
        <source>Restart PostgreSQL on %1, one after the other (the leader last: no writable primary while it restarts).</source>
        <translation>PostgreSQL auf %1 nacheinander neu starten (der Leader zuletzt: Solange er neu startet, gibt es keinen beschreibbaren Primary).</translation>
    </message>
    <message>
        <source>Restart PostgreSQL on %1, one after the other.</source>
        <translation>PostgreSQL auf %1 nacheinander neu starten.</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Reload %1</source>
        <translation>%1 neu laden</translation>
    </message>
    <message>
        <source>Stopped at %1: nothing more was done.</source>
        <translation>Bei %1 angehalten: Es wurde nichts weiter getan.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n member(s).</source>
        <translation>
            <numerusform>Erledigt: %n Mitglied.</numerusform>
            <numerusform>Erledigt: %n Mitglieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling restart: %1; the cluster must be healthy again between steps.</source>
        <translation>Rollierender Neustart: %1; zwischen den Schritten muss der Cluster wieder gesund sein.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>switchover from %1 to %2</source>
        <translation>Switchover von %1 auf %2</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>Neustart von %1</translation>
    </message>
    <message>
        <source>switchover</source>
        <translation>Switchover</translation>
    </message>
    <message>
        <source>restart of %1</source>
        <translation>Neustart von %1</translation>
    </message>
    <message>
        <source>Rolling restart stopped at step %1 (%2): nothing more was done. Look at the cluster before going on.</source>
        <translation>Rollierender Neustart bei Schritt %1 angehalten (%2): Es wurde nichts weiter getan. Sehen Sie sich den Cluster an, bevor Sie fortfahren.</translation>
    </message>
    <message>
        <source>after the %1, %2</source>
        <translation>nach dem %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Rolling restart done: %n step(s), every one verified.</source>
        <translation>
            <numerusform>Rollierender Neustart erledigt: %n Schritt, überprüft.</numerusform>
            <numerusform>Rollierender Neustart erledigt: %n Schritte, jeder einzelne überprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand the leader role to a healthy replica (now, or --at a time), or --cancel a scheduled one.</source>
        <translation>Die Leader-Rolle an ein gesundes Replikat übergeben (jetzt oder mit --at zu einem Zeitpunkt) oder mit --cancel einen geplanten Switchover abbrechen.</translation>
    </message>
    <message>
        <source>Promote --candidate without waiting for the leader: the emergency tool.</source>
        <translation>--candidate hochstufen, ohne auf den Leader zu warten: das Werkzeug für den Notfall.</translation>
    </message>
    <message>
        <source>Restart PostgreSQL on MEMBER (now, or --at a time), or --cancel a scheduled restart.</source>
        <translation>PostgreSQL auf MEMBER neu starten (jetzt oder mit --at zu einem Zeitpunkt) oder mit --cancel einen geplanten Neustart abbrechen.</translation>
    </message>
    <message>
        <source>Make Patroni on MEMBER re-read its configuration and PostgreSQL reload its settings.</source>
        <translation>Patroni auf MEMBER seine Konfiguration neu lesen und PostgreSQL seine Einstellungen neu laden lassen.</translation>
    </message>
    <message>
        <source>Rebuild MEMBER (a replica) from the leader: its data directory is thrown away.</source>
        <translation>MEMBER (ein Replikat) vom Leader neu aufbauen: Sein Datenverzeichnis wird verworfen.</translation>
    </message>
    <message>
        <source>Stop Patroni from managing the cluster (no automatic failover) until resume.</source>
        <translation>Patroni die Verwaltung des Clusters bis zu resume entziehen (kein automatischer Failover).</translation>
    </message>
    <message>
        <source>Let Patroni manage the cluster again.</source>
        <translation>Patroni den Cluster wieder verwalten lassen.</translation>
    </message>
    <message>
        <source>Change the dynamic configuration: --set KEY=VALUE / --unset KEY, or without them in $VISUAL or $EDITOR. The changes are shown, and settings that need a restart are named, before anything is sent.</source>
        <translation>Die dynamische Konfiguration ändern: --set KEY=VALUE / --unset KEY oder, ohne diese, in $VISUAL bzw. $EDITOR. Bevor etwas gesendet wird, werden die Änderungen gezeigt und die Einstellungen genannt, die einen Neustart brauchen.</translation>
    </message>
    <message>
        <source>Exit 0: done and verified; 1: Patroni said no or could not be reached (nothing changed); 2: usage error; 3: sent, but not verified in time or no clear answer; 4: refused before sending.</source>
        <translation>Exit-Code 0: erledigt und überprüft; 1: Patroni hat abgelehnt oder war nicht erreichbar (nichts geändert); 2: falscher Aufruf; 3: gesendet, aber nicht rechtzeitig überprüft oder keine klare Antwort; 4: vor dem Senden abgelehnt.</translation>
    </message>
    <message>
        <source>The member to become leader.</source>
        <translation>Das Mitglied, das Leader werden soll.</translation>
    </message>
    <message>
        <source>When: 2026-12-01T22:00:00+01:00 (without a zone: UTC).</source>
        <translation>Wann: 2026-12-01T22:00:00+01:00 (ohne Zeitzone: UTC).</translation>
    </message>
    <message>
        <source>Cancel the scheduled switchover (restart: of MEMBER).</source>
        <translation>Den geplanten Switchover abbrechen (bei restart: den Neustart von MEMBER).</translation>
    </message>
    <message>
        <source>Only if MEMBER needs a restart (--rolling: only members that do).</source>
        <translation>Nur wenn MEMBER einen Neustart braucht (--rolling: nur Mitglieder, die einen brauchen).</translation>
    </message>
    <message>
        <source>Every member, one at a time: the replicas, then a switchover to a restarted replica, then the old leader, with a check that the cluster is healthy again between steps. Stops at the first step that fails.</source>
        <translation>Jedes Mitglied, eines nach dem anderen: die Replikate, dann ein Switchover auf ein neu gestartetes Replikat, dann der alte Leader, mit einer Prüfung zwischen den Schritten, ob der Cluster wieder gesund ist. Hält beim ersten Schritt an, der fehlschlägt.</translation>
    </message>
    <message>
        <source>Only if MEMBER has this role (primary, replica).</source>
        <translation>Nur wenn MEMBER diese Rolle hat (primary, replica).</translation>
    </message>
    <message>
        <source>Reinit also while PostgreSQL runs there.</source>
        <translation>Reinit auch, während PostgreSQL dort läuft.</translation>
    </message>
    <message>
        <source>Set a key: loop_wait=5, postgresql.parameters.work_mem=&quot;8MB&quot; (the value is JSON when it reads as JSON, else text; null deletes). Repeatable.</source>
        <translation>Einen Schlüssel setzen: loop_wait=5, postgresql.parameters.work_mem=&quot;8MB&quot; (der Wert ist JSON, wenn er sich als JSON lesen lässt, sonst Text; null löscht). Mehrfach möglich.</translation>
    </message>
    <message>
        <source>Delete a key (dotted). Repeatable.</source>
        <translation>Einen Schlüssel löschen (mit Punkten geschrieben). Mehrfach möglich.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>The REST API&apos;s user (default: PATRONI_API_USER, else the profile&apos;s).</source>
        <translation>Der Benutzer der REST-API (Standard: PATRONI_API_USER, sonst der des Profils).</translation>
    </message>
    <message>
        <source>Read the REST API&apos;s password from the first line of standard input (else PATRONI_API_PASSWORD, else the keychain). Needs --yes.</source>
        <translation>Das Passwort der REST-API aus der ersten Zeile der Standardeingabe lesen (sonst PATRONI_API_PASSWORD, sonst der Schlüsselbund). Erfordert --yes.</translation>
    </message>
    <message>
        <source>How long to watch for the outcome, in seconds (default 90).</source>
        <translation>Wie lange auf das Ergebnis gewartet wird, in Sekunden (Standard 90).</translation>
    </message>
    <message>
        <source>The member.</source>
        <translation>Das Mitglied.</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation>unbekannte Aktion</translation>
    </message>
    <message>
        <source>--rolling restarts every member in turn: no MEMBER, --at, --cancel or --role</source>
        <translation>--rolling startet jedes Mitglied der Reihe nach neu: kein MEMBER, --at, --cancel oder --role</translation>
    </message>
    <message>
        <source>one member at a time (or none: every member)</source>
        <translation>ein Mitglied auf einmal (oder keines: jedes Mitglied)</translation>
    </message>
    <message>
        <source>name the member</source>
        <translation>nennen Sie das Mitglied</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--at &quot;%1&quot; is not a time such as 2026-12-01T22:00:00+01:00</source>
        <translation>--at &quot;%1&quot; ist kein Zeitpunkt wie 2026-12-01T22:00:00+01:00</translation>
    </message>
    <message>
        <source>--cancel takes neither --candidate nor --at</source>
        <translation>--cancel nimmt weder --candidate noch --at</translation>
    </message>
    <message>
        <source>--unset takes a dotted key, not &quot;%1&quot;</source>
        <translation>--unset nimmt einen Schlüssel mit Punkten, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>give --set KEY=VALUE or --unset KEY, or run in a terminal to edit in $EDITOR</source>
        <translation>geben Sie --set KEY=VALUE oder --unset KEY an, oder starten Sie in einem Terminal, um in $EDITOR zu bearbeiten</translation>
    </message>
    <message>
        <source>--verify-timeout must be a number of seconds from 1 to 3600</source>
        <translation>--verify-timeout muss eine Anzahl Sekunden von 1 bis 3600 sein</translation>
    </message>
    <message>
        <source>--password-stdin takes standard input, so there is none left to confirm on: add --yes</source>
        <translation>--password-stdin belegt die Standardeingabe, zum Bestätigen bleibt also keine: geben Sie --yes an</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>passed: %1 (after %2)</source>
        <translation>bestanden: %1 (nach %2)</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Überprüfung:</translation>
    </message>
    <message>
        <source>(after %1)</source>
        <translation>(nach %1)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Done, verified: %1</source>
        <translation>Erledigt und überprüft: %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Nicht überprüft: %1</translation>
    </message>
    <message>
        <source>Refused: the dynamic configuration could not be read; nothing is changed blind.</source>
        <translation>Abgelehnt: Die dynamische Konfiguration konnte nicht gelesen werden; blind wird nichts geändert.</translation>
    </message>
    <message>
        <source>cannot make a temporary file: %1</source>
        <translation>es kann keine temporäre Datei angelegt werden: %1</translation>
    </message>
    <message>
        <source>Refused: the editor (%1) did not end cleanly; nothing was sent.</source>
        <translation>Abgelehnt: Der Editor (%1) wurde nicht sauber beendet; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Refused: the edited file cannot be read back; nothing was sent.</source>
        <translation>Abgelehnt: Die bearbeitete Datei kann nicht zurückgelesen werden; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>the edited configuration is not JSON: %1 on line %2</source>
        <translation>die bearbeitete Konfiguration ist kein JSON: %1 in Zeile %2</translation>
    </message>
    <message>
        <source>the edited configuration must be one JSON object</source>
        <translation>die bearbeitete Konfiguration muss ein einzelnes JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Refused: %1; nothing was sent.</source>
        <translation>Abgelehnt: %1; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Cluster %1: %2</source>
        <translation>Cluster %1: %2</translation>
    </message>
    <message>
        <source>Candidates:</source>
        <translation>Kandidaten:</translation>
    </message>
    <message>
        <source>eligible: %1</source>
        <translation>geeignet: %1</translation>
    </message>
    <message>
        <source>NOT eligible: %1</source>
        <translation>NICHT geeignet: %1</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>What will happen: %1</source>
        <translation>Was geschehen wird: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Print the audit log: every action sent or refused, with its answer and verification. Append-only JSON Lines at %1</source>
        <translation>Das Audit-Protokoll ausgeben: jede gesendete oder abgelehnte Aktion mit ihrer Antwort und Überprüfung. JSON Lines, nur fortgeschrieben, in %1</translation>
    </message>
    <message>
        <source>From TIME on (2026-12-01T02:00:00Z, or ago: 30m, 2h, 7d).</source>
        <translation>Ab TIME (2026-12-01T02:00:00Z oder vor einer Dauer: 30m, 2h, 7d).</translation>
    </message>
    <message>
        <source>Only this cluster (profile name).</source>
        <translation>Nur dieser Cluster (Profilname).</translation>
    </message>
    <message>
        <source>Only this action (switchover, failover, …).</source>
        <translation>Nur diese Aktion (switchover, failover, …).</translation>
    </message>
    <message>
        <source>table (default) or json (the log&apos;s own lines).</source>
        <translation>table (Standard) oder json (die Zeilen des Protokolls selbst).</translation>
    </message>
    <message>
        <source>--format must be table or json</source>
        <translation>--format muss table oder json sein</translation>
    </message>
    <message>
        <source>--since &quot;%1&quot; is neither a time nor an age (30m, 2h, 7d)</source>
        <translation>--since &quot;%1&quot; ist weder ein Zeitpunkt noch ein Alter (30m, 2h, 7d)</translation>
    </message>
    <message>
        <source>unknown --action &quot;%1&quot;</source>
        <translation>unbekannte Aktion &quot;%1&quot; bei --action</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the log could not be read and were skipped</source>
        <translation>
            <numerusform>%n Zeile des Protokolls konnte nicht gelesen werden und wurde übersprungen</numerusform>
            <numerusform>%n Zeilen des Protokolls konnten nicht gelesen werden und wurden übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Patroni REST API URL of a member (repeatable).</source>
        <translation>Patroni-REST-API-URL eines Mitglieds (mehrfach möglich).</translation>
    </message>
    <message>
        <source>A saved cluster profile (&quot;lab&quot; is built in).</source>
        <translation>Ein gespeichertes Cluster-Profil (&quot;lab&quot; ist eingebaut).</translation>
    </message>
    <message>
        <source>HAProxy stats CSV URL, e.g. http://127.0.0.1:7000/;csv.</source>
        <translation>URL des HAProxy-Statistik-CSV, z. B. http://127.0.0.1:7000/;csv.</translation>
    </message>
    <message>
        <source>etcd client URL (repeatable).</source>
        <translation>etcd-Client-URL (mehrfach möglich).</translation>
    </message>
    <message>
        <source>Ask PostgreSQL itself (lag in seconds, where HAProxy&apos;s ports land) as USER; the password comes from the keychain or PATRONI_CONSOLE_POSTGRES_PASSWORD.</source>
        <translation>PostgreSQL selbst als USER befragen (Verzögerung in Sekunden, wohin die Ports von HAProxy führen); das Passwort kommt aus dem Schlüsselbund oder aus PATRONI_CONSOLE_POSTGRES_PASSWORD.</translation>
    </message>
    <message>
        <source>Database for --postgres-user (default postgres).</source>
        <translation>Datenbank für --postgres-user (Standard: postgres).</translation>
    </message>
    <message>
        <source>Deadline per request in milliseconds (default: the profile&apos;s own, 2000).</source>
        <translation>Zeitlimit pro Anfrage in Millisekunden (Standard: das des Profils, 2000).</translation>
    </message>
    <message>
        <source>--timeout must be a number of milliseconds, at least 100</source>
        <translation>--timeout muss eine Anzahl Millisekunden sein, mindestens 100</translation>
    </message>
    <message>
        <source>give --url or --profile, not both</source>
        <translation>geben Sie --url oder --profile an, nicht beides</translation>
    </message>
    <message>
        <source>no profile &quot;%1&quot;; saved profiles: %2</source>
        <translation>kein Profil &quot;%1&quot;; gespeicherte Profile: %2</translation>
    </message>
    <message>
        <source>--url &quot;%1&quot; is not an http(s) URL with a host</source>
        <translation>--url &quot;%1&quot; ist keine http(s)-URL mit Host</translation>
    </message>
    <message>
        <source>give at least one --url (a member&apos;s Patroni REST API) or --profile NAME</source>
        <translation>geben Sie mindestens eine --url (die Patroni-REST-API eines Mitglieds) oder --profile NAME an</translation>
    </message>
    <message>
        <source>--haproxy &quot;%1&quot; is not an http(s) URL</source>
        <translation>--haproxy &quot;%1&quot; ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>--etcd &quot;%1&quot; is not an http(s) URL</source>
        <translation>--etcd &quot;%1&quot; ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Patroni&apos;s /history (every promotion) merged with the console&apos;s journal of the cluster (what the window recorded: leaders lost and changed, members down and back, findings raised and cleared, lag, routing), oldest first. Exit 0; 1 when Patroni could not be read (the journal is still printed).</source>
        <translation>Die /history von Patroni (jede Hochstufung), zusammengeführt mit dem Journal der Konsole zu diesem Cluster (was das Fenster festgehalten hat: Leader verloren und gewechselt, Mitglieder ausgefallen und zurück, Befunde gemeldet und behoben, Lag, Routing), die ältesten zuerst. Exit-Code 0; 1, wenn Patroni nicht gelesen werden konnte (das Journal wird trotzdem ausgegeben).</translation>
    </message>
    <message>
        <source>Only events from TIME on: 2026-12-01T02:00:00Z, &quot;2026-12-01 02:00&quot; (UTC), or ago: 90s, 30m, 2h, 7d.</source>
        <translation>Nur Ereignisse ab TIME: 2026-12-01T02:00:00Z, &quot;2026-12-01 02:00&quot; (UTC) oder vor einer Dauer: 90s, 30m, 2h, 7d.</translation>
    </message>
    <message>
        <source>Only events about this member.</source>
        <translation>Nur Ereignisse zu diesem Mitglied.</translation>
    </message>
    <message>
        <source>Only events of this kind (repeatable, or comma-separated): %1.</source>
        <translation>Nur Ereignisse dieser Art (mehrfach möglich oder durch Kommas getrennt): %1.</translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation>table (Standard) oder json.</translation>
    </message>
    <message>
        <source>At most the newest N events (default 1000).</source>
        <translation>Höchstens die neuesten N Ereignisse (Standard 1000).</translation>
    </message>
    <message>
        <source>--format must be table or json, not &quot;%1&quot;</source>
        <translation>--format muss table oder json sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--limit must be a positive number</source>
        <translation>--limit muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>--since &quot;%1&quot; is neither a time (2026-12-01T02:00:00Z) nor an age (30m, 2h, 7d)</source>
        <translation>--since &quot;%1&quot; ist weder ein Zeitpunkt (2026-12-01T02:00:00Z) noch ein Alter (30m, 2h, 7d)</translation>
    </message>
    <message>
        <source>unknown --kind &quot;%1&quot;; the kinds are: %2</source>
        <translation>unbekannte Art &quot;%1&quot; bei --kind; die Arten sind: %2</translation>
    </message>
    <message>
        <source>Patroni&apos;s history could not be read: %1 (the journal is shown)</source>
        <translation>der Verlauf von Patroni konnte nicht gelesen werden: %1 (das Journal wird angezeigt)</translation>
    </message>
    <message>
        <source>(built in: the repository&apos;s lab cluster)</source>
        <translation>(eingebaut: der Lab-Cluster des Repositorys)</translation>
    </message>
    <message>
        <source>(user %1)</source>
        <translation>(Benutzer %1)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>nothing was imported (%n problem(s)); fix the file and import it again</source>
        <translation>
            <numerusform>nichts wurde importiert (%n Problem); korrigieren Sie die Datei und importieren Sie sie erneut</numerusform>
            <numerusform>nichts wurde importiert (%n Probleme); korrigieren Sie die Datei und importieren Sie sie erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>these saved profiles differ from the file: %1
nothing was imported; give --replace to overwrite them, or rename them in the file</source>
        <translation>diese gespeicherten Profile weichen von der Datei ab: %1
nichts wurde importiert; geben Sie --replace an, um sie zu überschreiben, oder benennen Sie sie in der Datei um</translation>
    </message>
    <message>
        <source>nothing was imported</source>
        <translation>nichts wurde importiert</translation>
    </message>
    <message numerus="yes">
        <source>imported %n profile(s)</source>
        <translation>
            <numerusform>%n Profil importiert</numerusform>
            <numerusform>%n Profile importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already saved as in the file</source>
        <translation>
            <numerusform>%n bereits so gespeichert wie in der Datei</numerusform>
            <numerusform>%n bereits so gespeichert wie in der Datei</numerusform>
        </translation>
    </message>
    <message>
        <source>passwords are not part of the file: the console asks the keychain for them (service %1)</source>
        <translation>Passwörter sind nicht Teil der Datei: Die Konsole fragt den Schlüsselbund danach (Dienst %1)</translation>
    </message>
    <message>
        <source>no profile &quot;%1&quot;; saved: %2</source>
        <translation>kein Profil &quot;%1&quot;; gespeichert: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>there is no saved profile &quot;%1&quot;</source>
        <translation>es gibt kein gespeichertes Profil &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the keychain did not answer within 10 s (is it locked?)</source>
        <translation>der Schlüsselbund hat nicht innerhalb von 10 s geantwortet (ist er gesperrt?)</translation>
    </message>
    <message>
        <source>%1 was not removed: its keychain entries could not be removed (%2); unlock the keychain and try again</source>
        <translation>%1 wurde nicht entfernt: Seine Einträge im Schlüsselbund konnten nicht entfernt werden (%2); entsperren Sie den Schlüsselbund und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>removed %1 and its keychain entries</source>
        <translation>%1 und seine Einträge im Schlüsselbund wurden entfernt</translation>
    </message>
    <message>
        <source>The saved clusters.

  list                       every saved cluster and its sources
  show NAME                  one, in the profiles file format
  import FILE [--replace]    save every cluster of FILE (- for standard input), all or none
  export FILE [NAME]...      write the saved clusters (or those named) to FILE (- for standard output)
  remove NAME                forget a cluster and its keychain entries

The file (schema patroni-console/profiles/1) is described in the README; it never holds a password.</source>
        <translation>Die gespeicherten Cluster.

  list                       alle gespeicherten Cluster mit ihren Quellen auflisten
  show NAME                  einen davon im Format der Profildatei zeigen
  import FILE [--replace]    jeden Cluster aus FILE speichern (- für die Standardeingabe), alle oder keinen
  export FILE [NAME]...      die gespeicherten Cluster (oder die genannten) in FILE schreiben (- für die Standardausgabe)
  remove NAME                einen Cluster und seine Einträge im Schlüsselbund vergessen

Die Datei (Schema patroni-console/profiles/1) ist in der README beschrieben; sie enthält nie ein Passwort.</translation>
    </message>
    <message>
        <source>import: overwrite saved clusters of the same name.</source>
        <translation>import: gespeicherte Cluster gleichen Namens überschreiben.</translation>
    </message>
    <message>
        <source>list: text (default) or json.</source>
        <translation>list: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>list, show, import, export or remove</source>
        <translation>list, show, import, export oder remove</translation>
    </message>
    <message>
        <source>which verb? list, show, import, export or remove</source>
        <translation>welches Verb? list, show, import, export oder remove</translation>
    </message>
    <message>
        <source>list takes no argument</source>
        <translation>list nimmt kein Argument</translation>
    </message>
    <message>
        <source>--format must be text or json</source>
        <translation>--format muss text oder json sein</translation>
    </message>
    <message>
        <source>import FILE (- for standard input)</source>
        <translation>import FILE (- für die Standardeingabe)</translation>
    </message>
    <message>
        <source>export FILE [NAME]... (- for standard output)</source>
        <translation>export FILE [NAME]... (- für die Standardausgabe)</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;; list, show, import, export or remove</source>
        <translation>unbekanntes Verb &quot;%1&quot;; list, show, import, export oder remove</translation>
    </message>
    <message>
        <source>Write everything the console knows about one cluster at one instant — members, HAProxy, etcd, routing probes, findings, Patroni&apos;s history, the dynamic configuration, the recent journal — with every secret redacted. Exit 0: written; 1: written, but Patroni could not be read (the snapshot says why); 2: usage error; 3: the output could not be written.</source>
        <translation>Alles schreiben, was die Konsole in einem Augenblick über einen Cluster weiß — Mitglieder, HAProxy, etcd, Routing-Proben, Befunde, den Verlauf von Patroni, die dynamische Konfiguration, das jüngste Journal —, jedes Geheimnis geschwärzt. Exit-Code 0: geschrieben; 1: geschrieben, aber Patroni konnte nicht gelesen werden (der Schnappschuss sagt, warum); 2: falscher Aufruf; 3: die Ausgabe konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Where to write (required). &quot;-&quot; writes to standard output (json, markdown, html).</source>
        <translation>Wohin geschrieben wird (erforderlich). &quot;-&quot; schreibt in die Standardausgabe (json, markdown, html).</translation>
    </message>
    <message>
        <source>json, markdown, html, pdf or png (default: from FILE&apos;s extension: .json .md .html .pdf .png).</source>
        <translation>json, markdown, html, pdf oder png (Standard: nach der Endung von FILE: .json .md .html .pdf .png).</translation>
    </message>
    <message>
        <source>Watch the cluster for SECONDS before taking the snapshot (the lag chart of a PNG then has a history; default 0: one reading).</source>
        <translation>Den Cluster SECONDS Sekunden lang beobachten, bevor der Schnappschuss aufgenommen wird (das Lag-Diagramm eines PNG hat dann einen Verlauf; Standard 0: eine einzige Lesung).</translation>
    </message>
    <message>
        <source>How many of the newest journal events to include (the window&apos;s journal for --profile; default 100).</source>
        <translation>Wie viele der neuesten Journal-Ereignisse aufgenommen werden (bei --profile aus dem Journal des Fensters; Standard 100).</translation>
    </message>
    <message>
        <source>give --output FILE (or - for standard output)</source>
        <translation>geben Sie --output FILE an (oder - für die Standardausgabe)</translation>
    </message>
    <message>
        <source>--format must be json, markdown, html, pdf or png, not &quot;%1&quot;</source>
        <translation>--format muss json, markdown, html, pdf oder png sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>give --format with --output -</source>
        <translation>geben Sie bei --output - auch --format an</translation>
    </message>
    <message>
        <source>cannot tell the format from &quot;%1&quot;: name the file .json, .md, .html, .pdf or .png, or give --format</source>
        <translation>das Format lässt sich aus &quot;%1&quot; nicht erkennen: Benennen Sie die Datei .json, .md, .html, .pdf oder .png, oder geben Sie --format an</translation>
    </message>
    <message>
        <source>%1 is binary: give a file with --output</source>
        <translation>%1 ist binär: Geben Sie mit --output eine Datei an</translation>
    </message>
    <message>
        <source>--duration must be a number of seconds from 0 to 86400</source>
        <translation>--duration muss eine Anzahl Sekunden von 0 bis 86400 sein</translation>
    </message>
    <message>
        <source>--journal must be a number from 0 to 100000</source>
        <translation>--journal muss eine Zahl von 0 bis 100000 sein</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>in die Standardausgabe kann nicht geschrieben werden</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1 (%2, %n secret value(s) redacted)</source>
        <translation>
            <numerusform>%1 geschrieben (%2, %n geheimer Wert geschwärzt)</numerusform>
            <numerusform>%1 geschrieben (%2, %n geheime Werte geschwärzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>the cluster could not be read: %1 (the snapshot says so)</source>
        <translation>der Cluster konnte nicht gelesen werden: %1 (der Schnappschuss vermerkt es)</translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Read every source of a cluster once and print it; with --all, every saved cluster in one line each, worst first.</source>
        <translation>Jede Quelle eines Clusters einmal lesen und ausgeben; mit --all jeden gespeicherten Cluster in je einer Zeile, die schlimmsten zuerst.</translation>
    </message>
    <message>
        <source>table (default), json or tsv.</source>
        <translation>table (Standard), json oder tsv.</translation>
    </message>
    <message>
        <source>Every saved cluster, read in parallel: one line each (name, health, leader, members running/total, timeline, worst lag, worst finding), worst first. Exit 0 when every cluster could be read, 1 when any could not.</source>
        <translation>Jeder gespeicherte Cluster, parallel gelesen: je eine Zeile (Name, Zustand, Leader, laufende/alle Mitglieder, Timeline, größter Lag, schwerster Befund), die schlimmsten zuerst. Exit-Code 0, wenn jeder Cluster gelesen werden konnte, 1, wenn einer nicht gelesen werden konnte.</translation>
    </message>
    <message>
        <source>--format must be table, json or tsv, not &quot;%1&quot;</source>
        <translation>--format muss table, json oder tsv sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--all reads every saved cluster as saved; %1 cannot be combined with it</source>
        <translation>--all liest jeden gespeicherten Cluster so, wie er gespeichert ist; %1 lässt sich damit nicht kombinieren</translation>
    </message>
    <message>
        <source>could not read the cluster: %1</source>
        <translation>der Cluster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Lag in MB</source>
        <translation>Lag in MB</translation>
    </message>
    <message>
        <source>Lag bytes</source>
        <translation>Lag in Bytes</translation>
    </message>
    <message>
        <source>Lag s</source>
        <translation>Lag s</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>DCS view</source>
        <translation>Sicht des DCS</translation>
    </message>
    <message>
        <source>HAProxy routes</source>
        <translation>HAProxy-Routen</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <source>(scope not reported)</source>
        <translation>(Scope nicht gemeldet)</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(pausiert)</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Switchover scheduled at %1: %2 -&gt; %3</source>
        <translation>Switchover geplant für %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>STALE: %1</source>
        <translation>VERALTET: %1</translation>
    </message>
    <message>
        <source>NOTHING</source>
        <translation>NICHTS</translation>
    </message>
    <message>
        <source>(stale)</source>
        <translation>(veraltet)</translation>
    </message>
    <message>
        <source>etcd: %1 of %2 members healthy</source>
        <translation>etcd: %1 von %2 Mitgliedern gesund</translation>
    </message>
    <message>
        <source>raft leader %1</source>
        <translation>Raft-Leader %1</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>Befunde: keine</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Worst lag</source>
        <translation>Größter Lag</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Schwerster Befund</translation>
    </message>
    <message numerus="yes">
        <source>Fleet: %n cluster(s)</source>
        <translation>
            <numerusform>Übersicht: %n Cluster</numerusform>
            <numerusform>Übersicht: %n Cluster</numerusform>
        </translation>
    </message>
    <message>
        <source>The cluster as `status` prints it — members, HAProxy&apos;s routes, etcd, findings — redrawn in place, like `patronictl list -W`. Ctrl-C quits and leaves the last view on the terminal.</source>
        <translation>Der Cluster, wie `status` ihn ausgibt — Mitglieder, die Routen von HAProxy, etcd, Befunde —, an Ort und Stelle neu gezeichnet wie bei `patronictl list -W`. Strg-C beendet und lässt die letzte Ansicht im Terminal stehen.</translation>
    </message>
    <message>
        <source>Redraw every SECONDS (default 2; the sources poll at the profile&apos;s own intervals).</source>
        <translation>Alle SECONDS Sekunden neu zeichnen (Standard 2; die Quellen werden in den Intervallen des Profils abgefragt).</translation>
    </message>
    <message>
        <source>Stop after N views (default: until Ctrl-C).</source>
        <translation>Nach N Ansichten aufhören (Standard: erst bei Strg-C).</translation>
    </message>
    <message>
        <source>Redraw in place with terminal control sequences: auto (when the output is a terminal), always, never.</source>
        <translation>Mit Terminal-Steuersequenzen an Ort und Stelle neu zeichnen: auto (wenn die Ausgabe ein Terminal ist), always, never.</translation>
    </message>
    <message>
        <source>--interval must be a number of seconds from 0.2 to 3600</source>
        <translation>--interval muss eine Anzahl Sekunden von 0.2 bis 3600 sein</translation>
    </message>
    <message>
        <source>--count must be a positive number</source>
        <translation>--count muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>--ansi must be auto, always or never, not &quot;%1&quot;</source>
        <translation>--ansi muss auto, always oder never sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 at %2 UTC, every %3 s (Ctrl-C quits)</source>
        <translation>%1 um %2 UTC, alle %3 s (Strg-C beendet)</translation>
    </message>
    <message>
        <source>Cannot read the cluster: %1</source>
        <translation>Der Cluster kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the cluster…</source>
        <translation>Der Cluster wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>(%n value(s) longer than %1 characters shortened with “…”; --format json prints them whole)</source>
        <translation>
            <numerusform>(%n Wert länger als %1 Zeichen mit „…“ gekürzt; --format json gibt ihn ganz aus)</numerusform>
            <numerusform>(%n Werte länger als %1 Zeichen mit „…“ gekürzt; --format json gibt sie ganz aus)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cluster</name>
    <message>
        <source>Leader (promoting)</source>
        <translation>Leader (wird hochgestuft)</translation>
    </message>
    <message>
        <source>Leader per DCS only</source>
        <translation>Leader nur laut DCS</translation>
    </message>
    <message>
        <source>Leader (not believed)</source>
        <translation>Leader (nicht anerkannt)</translation>
    </message>
    <message>
        <source>its upstream</source>
        <translation>seinem Upstream</translation>
    </message>
    <message>
        <source>its Patroni REST API does not answer; the rest is the DCS&apos;s last word on it</source>
        <translation>seine Patroni-REST-API antwortet nicht; der Rest ist der letzte Stand des DCS dazu</translation>
    </message>
    <message>
        <source>receiving WAL from %1</source>
        <translation>empfängt WAL von %1</translation>
    </message>
    <message>
        <source>the primary, accepting writes</source>
        <translation>der Primary, nimmt Schreibzugriffe an</translation>
    </message>
    <message>
        <source>a replica of %1, replaying its WAL</source>
        <translation>ein Replikat von %1, spielt dessen WAL ein</translation>
    </message>
    <message>
        <source>PostgreSQL is not running on this node</source>
        <translation>PostgreSQL läuft auf diesem Knoten nicht</translation>
    </message>
    <message>
        <source>PostgreSQL stopped unexpectedly; Patroni will try to start it</source>
        <translation>PostgreSQL wurde unerwartet beendet; Patroni versucht, es zu starten</translation>
    </message>
    <message>
        <source>Patroni could not start or stop PostgreSQL; see the node&apos;s log</source>
        <translation>Patroni konnte PostgreSQL nicht starten oder stoppen; sehen Sie im Protokoll des Knotens nach</translation>
    </message>
    <message>
        <source>PostgreSQL is starting; it takes no connections yet</source>
        <translation>PostgreSQL startet; es nimmt noch keine Verbindungen an</translation>
    </message>
    <message>
        <source>PostgreSQL is shutting down</source>
        <translation>PostgreSQL wird heruntergefahren</translation>
    </message>
    <message>
        <source>copying the data from another member (pg_basebackup or a restore)</source>
        <translation>kopiert die Daten von einem anderen Mitglied (pg_basebackup oder eine Wiederherstellung)</translation>
    </message>
    <message>
        <source>replaying WAL from the archive, not streaming from %1</source>
        <translation>spielt WAL aus dem Archiv ein, streamt nicht von %1</translation>
    </message>
    <message>
        <source>no state known yet</source>
        <translation>noch kein Status bekannt</translation>
    </message>
    <message>
        <source>UNREACHABLE — %1</source>
        <translation>NICHT ERREICHBAR — %1</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Leader %1</source>
        <translation>Leader %1</translation>
    </message>
    <message>
        <source>NO LEADER</source>
        <translation>KEIN LEADER</translation>
    </message>
    <message>
        <source>%1 LEADERS: %2</source>
        <translation>%1 LEADER: %2</translation>
    </message>
    <message>
        <source>which does not run as primary</source>
        <translation>das nicht als Primary läuft</translation>
    </message>
    <message>
        <source>whose API does not answer</source>
        <translation>dessen API nicht antwortet</translation>
    </message>
    <message>
        <source>which runs as %1</source>
        <translation>das als %1 läuft</translation>
    </message>
    <message>
        <source>NO LEADER (the DCS names %1, %2)</source>
        <translation>KEIN LEADER (der DCS nennt Mitglied %1, %2)</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 laufen</translation>
    </message>
    <message>
        <source>TL %1</source>
        <translation>TL %1</translation>
    </message>
    <message>
        <source>max lag %1 (%2)</source>
        <translation>max. Verzögerung %1 (%2)</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSIERT</translation>
    </message>
    <message>
        <source>STALE — </source>
        <translation>VERALTET — </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>answered %1 ago</source>
        <translation>hat vor %1 geantwortet</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Angezeigt als</translation>
    </message>
    <message>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>lag in seconds</source>
        <translation>Verzögerung in Sekunden</translation>
    </message>
    <message>
        <source>not known (PostgreSQL not asked or cannot tell)</source>
        <translation>nicht bekannt (PostgreSQL nicht abgefragt oder kann es nicht angeben)</translation>
    </message>
    <message>
        <source>its REST API</source>
        <translation>seine REST-API</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>silent: %1</source>
        <translation>stumm: %1</translation>
    </message>
    <message>
        <source>Its own view (GET /patroni)</source>
        <translation>Eigene Sicht (GET /patroni)</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>WAL position</source>
        <translation>WAL-Position</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>replayed</source>
        <translation>eingespielt</translation>
    </message>
    <message>
        <source>last replayed transaction</source>
        <translation>zuletzt eingespielte Transaktion</translation>
    </message>
    <message>
        <source>replay paused</source>
        <translation>Einspielen pausiert</translation>
    </message>
    <message>
        <source>replication state</source>
        <translation>Replikationsstatus</translation>
    </message>
    <message>
        <source>DCS last seen</source>
        <translation>zuletzt im DCS gesehen</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>pending restart</source>
        <translation>Neustart ausstehend</translation>
    </message>
    <message>
        <source>Patroni</source>
        <translation>Patroni</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>postmaster started</source>
        <translation>Postmaster gestartet</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>paused (maintenance mode)</source>
        <translation>pausiert (Wartungsmodus)</translation>
    </message>
    <message>
        <source>Streaming from it (its pg_stat_replication)</source>
        <translation>Streamt von diesem Mitglied (dessen pg_stat_replication)</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The DCS&apos;s view (GET /cluster)</source>
        <translation>Sicht des DCS (GET /cluster)</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>receive lag</source>
        <translation>Empfangsverzögerung</translation>
    </message>
    <message>
        <source>replay lag</source>
        <translation>Einspielverzögerung</translation>
    </message>
    <message>
        <source>LSN</source>
        <translation>LSN</translation>
    </message>
    <message>
        <source>scheduled restart</source>
        <translation>geplanter Neustart</translation>
    </message>
    <message>
        <source>PostgreSQL (libpq)</source>
        <translation>PostgreSQL (libpq)</translation>
    </message>
    <message>
        <source>replay delay</source>
        <translation>zeitliche Einspielverzögerung</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Check time</source>
        <translation>Prüfdauer</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Ausfallzeit</translation>
    </message>
    <message>
        <source>port %1 (%2)</source>
        <translation>Port %1 (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>(no proxy of that name)</source>
        <translation>(kein Proxy mit diesem Namen)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Endpoints (%1 of %2 healthy)</source>
        <translation>Endpunkte (%1 von %2 gesund)</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>nicht gesund</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>raft leader</source>
        <translation>Raft-Leader</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>(not started)</source>
        <translation>(nicht gestartet)</translation>
    </message>
    <message>
        <source> (learner)</source>
        <translation> (Learner)</translation>
    </message>
    <message>
        <source>details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>leader lost</source>
        <translation>Leader verloren</translation>
    </message>
    <message>
        <source>leader changed</source>
        <translation>Leader gewechselt</translation>
    </message>
    <message>
        <source>critical: %1</source>
        <translation>kritisch: %1</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>und %n weitere</translation>
    </message>
    <message>
        <source>A %1 URL is not a valid URL; write it as http://host:port or https://host:port.</source>
        <translation>Eine %1-URL ist keine gültige URL; schreiben Sie sie als http://host:port oder https://host:port.</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; must start with http:// or https://.</source>
        <translation>Die %1-URL &quot;%2&quot; muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; has no host.</source>
        <translation>Die %1-URL &quot;%2&quot; hat keinen Host.</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; contains a user name or password; put the user name in its own field and the password in the system keychain.</source>
        <translation>Die %1-URL &quot;%2&quot; enthält einen Benutzernamen oder ein Passwort; tragen Sie den Benutzernamen in sein eigenes Feld und das Passwort in den Schlüsselbund des Systems ein.</translation>
    </message>
    <message>
        <source>The %1 port %2 is not between 1 and 65535.</source>
        <translation>Der Port %2 der %1 liegt nicht zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>The %1 is %2 ms; it must be at least %3 ms.</source>
        <translation>Das %1 beträgt %2 ms; es muss mindestens %3 ms betragen.</translation>
    </message>
    <message>
        <source>The profile has no name.</source>
        <translation>Das Profil hat keinen Namen.</translation>
    </message>
    <message>
        <source>The profile name &quot;%1&quot; starts or ends with a space.</source>
        <translation>Der Profilname &quot;%1&quot; beginnt oder endet mit einem Leerzeichen.</translation>
    </message>
    <message>
        <source>The profile name &quot;%1&quot; contains &apos;/&apos; or &apos;\&apos;, which are not allowed.</source>
        <translation>Der Profilname &quot;%1&quot; enthält &apos;/&apos; oder &apos;\&apos;; diese Zeichen sind nicht erlaubt.</translation>
    </message>
    <message>
        <source>The profile name contains control characters.</source>
        <translation>Der Profilname enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>No Patroni REST API URL is set; add the API URL of at least one member, e.g. http://127.0.0.1:8008.</source>
        <translation>Es ist keine Patroni-REST-API-URL angegeben; fügen Sie die API-URL mindestens eines Mitglieds hinzu, z. B. http://127.0.0.1:8008.</translation>
    </message>
    <message>
        <source>Patroni API</source>
        <translation>Patroni-API</translation>
    </message>
    <message>
        <source>HAProxy stats</source>
        <translation>HAProxy-Statistik</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>The PostgreSQL database name is empty.</source>
        <translation>Der PostgreSQL-Datenbankname ist leer.</translation>
    </message>
    <message>
        <source>The PostgreSQL user name is only spaces; leave it empty to not ask PostgreSQL.</source>
        <translation>Der PostgreSQL-Benutzername besteht nur aus Leerzeichen; lassen Sie ihn leer, um PostgreSQL nicht abzufragen.</translation>
    </message>
    <message>
        <source>The PostgreSQL sslmode &quot;%1&quot; is not one of %2.</source>
        <translation>Der PostgreSQL-sslmode &quot;%1&quot; ist keiner der Werte %2.</translation>
    </message>
    <message>
        <source>The HAProxy host for the PostgreSQL routes is empty.</source>
        <translation>Der HAProxy-Host für die PostgreSQL-Routen ist leer.</translation>
    </message>
    <message>
        <source>HAProxy primary route</source>
        <translation>HAProxy-Route zum Primary</translation>
    </message>
    <message>
        <source>HAProxy replicas route</source>
        <translation>HAProxy-Route zu den Replikaten</translation>
    </message>
    <message>
        <source>HAProxy any-member route</source>
        <translation>HAProxy-Route zu beliebigem Mitglied</translation>
    </message>
    <message>
        <source>The HAProxy primary, replicas and any-member routes must use three different ports.</source>
        <translation>Die HAProxy-Routen zum Primary, zu den Replikaten und zu beliebigem Mitglied müssen drei verschiedene Ports verwenden.</translation>
    </message>
    <message>
        <source>A TLS client certificate needs both the certificate file and the key file.</source>
        <translation>Ein TLS-Clientzertifikat erfordert sowohl die Zertifikatsdatei als auch die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Certificate checks can only be turned off for 127.0.0.1; for %1, put the CA certificate in the CA file instead.</source>
        <translation>Zertifikatsprüfungen können nur für 127.0.0.1 abgeschaltet werden; hinterlegen Sie für %1 stattdessen das CA-Zertifikat in der CA-Datei.</translation>
    </message>
    <message>
        <source>Patroni poll interval</source>
        <translation>Patroni-Abfrageintervall</translation>
    </message>
    <message>
        <source>HAProxy poll interval</source>
        <translation>HAProxy-Abfrageintervall</translation>
    </message>
    <message>
        <source>etcd poll interval</source>
        <translation>etcd-Abfrageintervall</translation>
    </message>
    <message>
        <source>PostgreSQL poll interval</source>
        <translation>PostgreSQL-Abfrageintervall</translation>
    </message>
    <message>
        <source>request deadline</source>
        <translation>Anfrage-Zeitlimit</translation>
    </message>
    <message>
        <source>in profile #%1</source>
        <translation>im Profil #%1</translation>
    </message>
    <message>
        <source>in profile &quot;%1&quot;</source>
        <translation>im Profil &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the file must be one JSON object with &quot;schema&quot; and &quot;profiles&quot;, not %1</source>
        <translation>die Datei muss ein einzelnes JSON-Objekt mit &quot;schema&quot; und &quot;profiles&quot; sein, nicht %1</translation>
    </message>
    <message>
        <source>at the top of the file</source>
        <translation>auf oberster Ebene der Datei</translation>
    </message>
    <message>
        <source>&quot;schema&quot; is missing; a profiles file starts with &quot;schema&quot;: &quot;%1&quot;</source>
        <translation>&quot;schema&quot; fehlt; eine Profildatei beginnt mit &quot;schema&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;schema&quot; is &quot;%1&quot;; this console reads &quot;%2&quot;</source>
        <translation>&quot;schema&quot; ist &quot;%1&quot;; diese Konsole liest &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;profiles&quot; is missing: the list of clusters</source>
        <translation>&quot;profiles&quot; fehlt: die Liste der Cluster</translation>
    </message>
    <message>
        <source>&quot;profiles&quot; must be a list, not %1</source>
        <translation>&quot;profiles&quot; muss eine Liste sein, nicht %1</translation>
    </message>
    <message>
        <source>profile #%1 must be an object, not %2</source>
        <translation>Profil #%1 muss ein Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>profile #%1</source>
        <translation>Profil #%1</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation>Profil &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a second profile is named &quot;%1&quot; (the first is on line %2); names must be unique</source>
        <translation>ein zweites Profil heißt &quot;%1&quot; (das erste steht in Zeile %2); Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice (first on line %2)</source>
        <translation>&quot;%1&quot; ist doppelt angegeben (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at the top of the file: secrets never go in this file</source>
        <translation>&quot;%1&quot; auf oberster Ebene der Datei: Geheimnisse gehören nie in diese Datei</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; at the top of the file; the known ones are: schema, profiles</source>
        <translation>unbekanntes Feld &quot;%1&quot; auf oberster Ebene der Datei; bekannt sind: schema, profiles</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>connection refused; is the service running and listening on that port?</source>
        <translation>Verbindung abgelehnt; läuft der Dienst und lauscht er auf diesem Port?</translation>
    </message>
    <message>
        <source>host not found; check the address in the cluster&apos;s settings</source>
        <translation>Host nicht gefunden; prüfen Sie die Adresse in den Einstellungen des Clusters</translation>
    </message>
    <message>
        <source>no complete answer within the deadline; the process may be hung or overloaded</source>
        <translation>keine vollständige Antwort innerhalb des Zeitlimits; der Prozess hängt möglicherweise oder ist überlastet</translation>
    </message>
    <message>
        <source>connection reset by the server</source>
        <translation>Verbindung vom Server zurückgesetzt</translation>
    </message>
    <message>
        <source>TLS handshake failed (%1); set a CA file in the cluster&apos;s settings if the certificate is self-signed</source>
        <translation>TLS-Handshake fehlgeschlagen (%1); legen Sie in den Einstellungen des Clusters eine CA-Datei fest, wenn das Zertifikat selbstsigniert ist</translation>
    </message>
    <message>
        <source>authentication failed (HTTP %1); check the user and password in the keychain</source>
        <translation>Authentifizierung fehlgeschlagen (HTTP %1); prüfen Sie Benutzer und Passwort im Schlüsselbund</translation>
    </message>
    <message>
        <source>answered HTTP %1</source>
        <translation>antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>answered with a redirect, which is not followed so credentials never leave the configured host</source>
        <translation>antwortete mit einer Weiterleitung; dieser wird nicht gefolgt, damit Anmeldedaten den konfigurierten Host nie verlassen</translation>
    </message>
    <message>
        <source>answer too large, abandoned</source>
        <translation>Antwort zu groß, abgebrochen</translation>
    </message>
    <message>
        <source>answer is not JSON; is this URL a Patroni REST API?</source>
        <translation>Antwort ist kein JSON; ist diese URL eine Patroni-REST-API?</translation>
    </message>
    <message>
        <source>answer is not in the expected shape</source>
        <translation>Antwort hat nicht die erwartete Struktur</translation>
    </message>
    <message>
        <source>no password is known for it; store one in the cluster&apos;s settings (kept in the system keychain)</source>
        <translation>dafür ist kein Passwort bekannt; speichern Sie eines in den Einstellungen des Clusters (es wird im System-Schlüsselbund abgelegt)</translation>
    </message>
    <message>
        <source>answer is not HAProxy&apos;s stats CSV; is this the stats URL ending in /;csv?</source>
        <translation>Antwort ist nicht das Statistik-CSV von HAProxy; ist dies die Statistik-URL, die auf /;csv endet?</translation>
    </message>
    <message>
        <source>PostgreSQL refused the login; check the user and password in the keychain and the server&apos;s pg_hba.conf</source>
        <translation>PostgreSQL hat die Anmeldung abgelehnt; prüfen Sie Benutzer und Passwort im Schlüsselbund sowie die pg_hba.conf des Servers</translation>
    </message>
    <message>
        <source>PostgreSQL reported an error</source>
        <translation>PostgreSQL hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>read/write</source>
        <translation>lesend/schreibend</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>nur lesend</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>; where clients are routed cannot be checked</source>
        <translation>; wohin Clients geleitet werden, lässt sich nicht prüfen</translation>
    </message>
    <message>
        <source>HAProxy has no proxy named &quot;%1&quot; (port %2); set the route names in the cluster&apos;s settings</source>
        <translation>HAProxy hat keinen Proxy namens „%1“ (Port %2); legen Sie die Routennamen in den Einstellungen des Clusters fest</translation>
    </message>
    <message>
        <source>Port %1 routes to nothing: no server is UP in HAProxy&apos;s &quot;%2&quot;, writes through it fail</source>
        <translation>Port %1 leitet nirgendwohin: kein Server ist in HAProxys „%2“ UP, Schreibzugriffe darüber schlagen fehl</translation>
    </message>
    <message>
        <source>Port %1 routes to %2, but no member is a working leader right now</source>
        <translation>Port %1 leitet zu %2, aber derzeit ist kein Mitglied ein funktionierender Leader</translation>
    </message>
    <message>
        <source>Port %1 routes to %2, not only to Patroni&apos;s leader %3</source>
        <translation>Port %1 leitet zu %2, nicht nur zu Patronis Leader %3</translation>
    </message>
    <message>
        <source>Port %1 (read-only) also routes to the leader %2</source>
        <translation>Port %1 (nur lesend) leitet auch zum Leader %2</translation>
    </message>
    <message>
        <source>Port %1 (read-only) does not route to %2, a healthy replica</source>
        <translation>Port %1 (nur lesend) leitet nicht zu %2, einem gesunden Replikat</translation>
    </message>
    <message>
        <source>; lag in seconds and routing proof are unavailable</source>
        <translation>; Verzögerung in Sekunden und Routing-Nachweis sind nicht verfügbar</translation>
    </message>
    <message>
        <source>%1&apos;s PostgreSQL does not answer: %2</source>
        <translation>PostgreSQL auf %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>A connection through port %1 failed: %2</source>
        <translation>Eine Verbindung über Port %1 schlug fehl: %2</translation>
    </message>
    <message>
        <source>A connection through port %1 landed on %2, which is in recovery: writes fail there</source>
        <translation>Eine Verbindung über Port %1 landete auf %2, das sich in Recovery befindet: Schreibzugriffe schlagen dort fehl</translation>
    </message>
    <message>
        <source>A read-only connection through port %1 landed on the primary %2</source>
        <translation>Eine nur lesende Verbindung über Port %1 landete auf dem Primary %2</translation>
    </message>
    <message>
        <source>; Patroni cannot renew the leader lock without the DCS</source>
        <translation>; ohne den DCS kann Patroni die Leader-Sperre nicht erneuern</translation>
    </message>
    <message>
        <source>Only %1 of %2 etcd members are healthy: no quorum, the leader will demote itself and no failover can happen (Patroni&apos;s own /cluster keeps showing the last view)</source>
        <translation>Nur %1 von %2 etcd-Mitgliedern sind gesund: kein Quorum, der Leader stuft sich selbst herab und kein Failover ist möglich (Patronis eigenes /cluster zeigt weiter die letzte Sicht)</translation>
    </message>
    <message>
        <source>etcd&apos;s member list or raft status could not be read (%1): who leads etcd is unknown</source>
        <translation>Die Mitgliederliste oder der Raft-Status von etcd konnte nicht gelesen werden (%1): wer etcd führt, ist unbekannt</translation>
    </message>
    <message>
        <source>reports unhealthy (%1)</source>
        <translation>meldet sich als ungesund (%1)</translation>
    </message>
    <message>
        <source>reports unhealthy</source>
        <translation>meldet sich als ungesund</translation>
    </message>
    <message>
        <source>etcd %1: %2</source>
        <translation>etcd %1: %2</translation>
    </message>
    <message>
        <source>The cluster&apos;s settings cannot be used: %1</source>
        <translation>Die Einstellungen des Clusters sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>; showing what Patroni said %1 s ago</source>
        <translation>; gezeigt wird, was Patroni vor %1 s meldete</translation>
    </message>
    <message>
        <source>; nothing read yet</source>
        <translation>; noch nichts gelesen</translation>
    </message>
    <message>
        <source>No member holds the leader lock: writes fail until Patroni elects one</source>
        <translation>Kein Mitglied hält die Leader-Sperre: Schreibzugriffe schlagen fehl, bis Patroni einen Leader wählt</translation>
    </message>
    <message>
        <source>%1 members claim leadership (%2): clients may write to two primaries</source>
        <translation>%1 Mitglieder beanspruchen die Führung (%2): Clients schreiben womöglich auf zwei Primaries</translation>
    </message>
    <message>
        <source>Cluster is paused (maintenance mode): Patroni will not fail over automatically</source>
        <translation>Der Cluster ist pausiert (Wartungsmodus): Patroni führt kein automatisches Failover aus</translation>
    </message>
    <message>
        <source>%1&apos;s REST API does not answer (%2); the DCS still lists it as %3 %4</source>
        <translation>Die REST-API von %1 antwortet nicht (%2); der DCS führt es noch als %3 %4</translation>
    </message>
    <message>
        <source>The DCS names %1 leader, but %1 itself says it is a %2</source>
        <translation>Der DCS nennt %1 Leader, aber %1 selbst meldet sich als %2</translation>
    </message>
    <message>
        <source>%1 runs as a primary, but the DCS lists it as %2</source>
        <translation>%1 läuft als Primary, aber der DCS führt es als %2</translation>
    </message>
    <message>
        <source>%1 last reached the DCS %2 s ago</source>
        <translation>%1 hat den DCS zuletzt vor %2 s erreicht</translation>
    </message>
    <message>
        <source>%1 needs a restart to apply changed parameters</source>
        <translation>%1 braucht einen Neustart, um geänderte Parameter zu übernehmen</translation>
    </message>
    <message>
        <source>%1 is on timeline %2, the leader on %3</source>
        <translation>%1 ist auf Timeline %2, der Leader auf %3</translation>
    </message>
    <message>
        <source>%1 is not replicating: state &quot;%2&quot;</source>
        <translation>%1 repliziert nicht: Status „%2“</translation>
    </message>
    <message>
        <source>%1 is not in %2&apos;s pg_stat_replication as streaming</source>
        <translation>%1 steht nicht als streaming in pg_stat_replication von %2</translation>
    </message>
    <message>
        <source>%1&apos;s replication position is unknown to Patroni</source>
        <translation>Die Replikationsposition von %1 ist Patroni unbekannt</translation>
    </message>
    <message>
        <source>%1 is %2 behind, over maximum_lag_on_failover (%3): Patroni will not fail over to it</source>
        <translation>%1 liegt %2 zurück, über maximum_lag_on_failover (%3): Patroni wird kein Failover darauf ausführen</translation>
    </message>
    <message>
        <source>Patroni history: timeline %1 began, %2 promoted (%3)</source>
        <translation>Patroni-Historie: Timeline %1 begann, %2 befördert (%3)</translation>
    </message>
    <message>
        <source>Patroni history: timeline %1 began (%2)</source>
        <translation>Patroni-Historie: Timeline %1 begann (%2)</translation>
    </message>
    <message>
        <source>Patroni&apos;s REST API at %1 refuses the password the console has for user &quot;%2&quot; (HTTP %3): switchover, restart and every other action would be refused; store the cluster&apos;s current API password in its settings</source>
        <translation>Patronis REST-API unter %1 weist das Passwort zurück, das die Konsole für den Benutzer „%2“ hat (HTTP %3): Switchover, Neustart und jede andere Aktion würden abgewiesen; hinterlegen Sie das aktuelle API-Passwort des Clusters in seinen Einstellungen</translation>
    </message>
    <message>
        <source>Patroni&apos;s REST API at %1 denies actions from this console (HTTP %2): check restapi.allowlist and the client certificate Patroni requires</source>
        <translation>Patronis REST-API unter %1 verweigert dieser Konsole Aktionen (HTTP %2): prüfen Sie restapi.allowlist und das Client-Zertifikat, das Patroni verlangt</translation>
    </message>
</context>
<context>
    <name>Cluster::ChangeDetector</name>
    <message>
        <source>Patroni API answers again</source>
        <translation>Die Patroni-API antwortet wieder</translation>
    </message>
    <message>
        <source>%1 stopped answering: %2</source>
        <translation>%1 antwortet nicht mehr: %2</translation>
    </message>
    <message>
        <source>%1&apos;s REST API answers again</source>
        <translation>Die REST-API von %1 antwortet wieder</translation>
    </message>
    <message>
        <source>the DCS names no leader</source>
        <translation>der DCS nennt keinen Leader</translation>
    </message>
    <message>
        <source>the DCS names %1 leaders</source>
        <translation>der DCS nennt %1 Leader</translation>
    </message>
    <message>
        <source>%1 is still named leader by the DCS but does not answer</source>
        <translation>%1 wird vom DCS noch als Leader genannt, antwortet aber nicht</translation>
    </message>
    <message>
        <source>Leader %1 lost: %2</source>
        <translation>Leader %1 verloren: %2</translation>
    </message>
    <message>
        <source>%1 is the leader</source>
        <translation>%1 ist der Leader</translation>
    </message>
    <message>
        <source>Leader changed from %1 to %2</source>
        <translation>Leader wechselte von %1 zu %2</translation>
    </message>
    <message>
        <source>Timeline %1 → %2 (leader %3)</source>
        <translation>Timeline %1 → %2 (Leader %3)</translation>
    </message>
    <message>
        <source>%1 joined the cluster as %2</source>
        <translation>%1 ist dem Cluster als %2 beigetreten</translation>
    </message>
    <message>
        <source>%1 lag %2 crossed maximum_lag_on_failover (%3)</source>
        <translation>Verzögerung von %1 (%2) überschritt maximum_lag_on_failover (%3)</translation>
    </message>
    <message>
        <source>%1 lag back under maximum_lag_on_failover: %2</source>
        <translation>Verzögerung von %1 wieder unter maximum_lag_on_failover: %2</translation>
    </message>
    <message>
        <source>%1 left the cluster (its DCS key is gone)</source>
        <translation>%1 hat den Cluster verlassen (sein DCS-Schlüssel ist weg)</translation>
    </message>
    <message>
        <source>Cluster paused: automatic failover is off</source>
        <translation>Cluster pausiert: automatisches Failover ist aus</translation>
    </message>
    <message>
        <source>Cluster resumed</source>
        <translation>Cluster fortgesetzt</translation>
    </message>
    <message>
        <source>Dynamic configuration changed: %1</source>
        <translation>Dynamische Konfiguration geändert: %1</translation>
    </message>
    <message>
        <source>HAProxy %1: %2 → %3</source>
        <translation>HAProxy %1: %2 → %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Cleared: %1</source>
        <translation>Behoben: %1</translation>
    </message>
</context>
<context>
    <name>Cluster::ObjectReader</name>
    <message>
        <source>&quot;%1&quot; %2 must be a whole number</source>
        <translation>&quot;%1&quot; %2 muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 must list URLs as strings</source>
        <translation>&quot;%1&quot; %2 muss URLs als Zeichenketten auflisten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 is given twice (first on line %3)</source>
        <translation>&quot;%1&quot; %2 ist doppelt angegeben (zuerst in Zeile %3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2: secrets never go in this file; store passwords in the system keychain (the console asks for them) or, for scripts, in PATRONI_CONSOLE_&lt;KIND&gt;_PASSWORD</source>
        <translation>&quot;%1&quot; %2: Geheimnisse gehören nie in diese Datei; speichern Sie Passwörter im System-Schlüsselbund (die Konsole fragt danach) oder, für Skripte, in PATRONI_CONSOLE_&lt;KIND&gt;_PASSWORD</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;%2 %3; the known ones are: %4</source>
        <translation>unbekanntes Feld &quot;%1&quot;%2 %3; bekannt sind: %4</translation>
    </message>
    <message>
        <source> in &quot;%1&quot;</source>
        <translation> in &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2 must be %3, not %4</source>
        <translation>&quot;%1&quot; %2 muss %3 sein, nicht %4</translation>
    </message>
</context>
<context>
    <name>Cluster::Reader</name>
    <message>
        <source>unexpected text after the end of the JSON document</source>
        <translation>unerwarteter Text nach dem Ende des JSON-Dokuments</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the file ends where a value should be</source>
        <translation>die Datei endet, wo ein Wert stehen sollte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a string runs past the end of its line (a missing quote?)</source>
        <translation>eine Zeichenkette reicht über das Ende ihrer Zeile hinaus (fehlt ein Anführungszeichen?)</translation>
    </message>
    <message>
        <source>a \u escape needs four hexadecimal digits</source>
        <translation>eine \u-Escape-Sequenz benötigt vier Hexadezimalziffern</translation>
    </message>
    <message>
        <source>unknown escape \%1 in a string</source>
        <translation>unbekannte Escape-Sequenz \%1 in einer Zeichenkette</translation>
    </message>
    <message>
        <source>the file ends inside a string</source>
        <translation>die Datei endet innerhalb einer Zeichenkette</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in a list</source>
        <translation>&apos;,&apos; oder &apos;]&apos; in einer Liste erwartet</translation>
    </message>
    <message>
        <source>expected a field name in quotes</source>
        <translation>Feldname in Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after &quot;%1&quot;</source>
        <translation>&apos;:&apos; nach &quot;%1&quot; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after the value of &quot;%1&quot;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; nach dem Wert von &quot;%1&quot; erwartet</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>Patroni API</source>
        <translation>Patroni-API</translation>
    </message>
    <message>
        <source>HAProxy stats</source>
        <translation>HAProxy-Statistik</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>No %1 password for profile &quot;%2&quot; is stored in the system keychain; store one in the profile&apos;s settings, or set %3.</source>
        <translation>Im System-Schlüsselbund ist kein Passwort (%1) für das Profil &quot;%2&quot; gespeichert; speichern Sie eines in den Einstellungen des Profils, oder setzen Sie %3.</translation>
    </message>
    <message>
        <source>The system keychain is not available (no Secret Service on D-Bus): %1. Start a keyring such as gnome-keyring, KWallet or KeePassXC, or for headless use set %2.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar (kein Secret Service auf D-Bus): %1. Starten Sie einen Schlüsselbund-Dienst wie gnome-keyring, KWallet oder KeePassXC, oder setzen Sie für den Betrieb ohne Desktop-Sitzung %2.</translation>
    </message>
    <message>
        <source>The system keychain refused access, probably because it is locked: %1. Unlock it and try again.</source>
        <translation>Der System-Schlüsselbund hat den Zugriff verweigert, vermutlich weil er gesperrt ist: %1. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>store</source>
        <translation>speichern</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>The system keychain could not %1 the %2 password for profile &quot;%3&quot;: %4.</source>
        <translation>Der System-Schlüsselbund konnte das Passwort (%2) für das Profil &quot;%3&quot; nicht %1: %4.</translation>
    </message>
</context>
<context>
    <name>Credentials::KeychainNotice</name>
    <message>
        <source>There is no system keychain (%1). Passwords can be neither read from it nor stored in it; the console goes on monitoring without them. Start a keyring (gnome-keyring, KWallet, KeePassXC) and log in again, or for headless use set PATRONI_CONSOLE_PATRONI_API_PASSWORD, PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD and PATRONI_CONSOLE_POSTGRES_PASSWORD.</source>
        <translation>Es gibt keinen System-Schlüsselbund (%1). Passwörter können dort weder gelesen noch gespeichert werden; die Konsole überwacht ohne sie weiter. Starten Sie einen Schlüsselbund-Dienst (gnome-keyring, KWallet, KeePassXC) und melden Sie sich erneut an, oder setzen Sie für den Betrieb ohne Desktop-Sitzung PATRONI_CONSOLE_PATRONI_API_PASSWORD, PATRONI_CONSOLE_HAPROXY_STATS_PASSWORD und PATRONI_CONSOLE_POSTGRES_PASSWORD.</translation>
    </message>
    <message>
        <source>no Secret Service on D-Bus</source>
        <translation>kein Secret Service auf D-Bus</translation>
    </message>
</context>
<context>
    <name>ItemModels::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>ItemModels::MemberTableModel</name>
    <message>
        <source>The DCS (GET /cluster) lists %1 as %2, %3</source>
        <translation>Der DCS (GET /cluster) führt %1 als %2, %3</translation>
    </message>
    <message>
        <source>Patroni says &quot;%1&quot;</source>
        <translation>Patroni meldet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>receive lag %1, replay lag %2</source>
        <translation>Empfangsverzögerung %1, Wiedergabeverzögerung %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Lag s</source>
        <translation>Lag s</translation>
    </message>
    <message>
        <source>Pending restart</source>
        <translation>Neustart ausstehend</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Patroni</source>
        <translation>Patroni</translation>
    </message>
    <message>
        <source>no answer within the deadline</source>
        <translation>keine Antwort innerhalb des Zeitlimits</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>, no working leader</source>
        <translation>, kein funktionierender Leader</translation>
    </message>
    <message>
        <source>, leader %1</source>
        <translation>, Leader %1</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot;: </source>
        <translation>Cluster &quot;%1&quot;: </translation>
    </message>
    <message numerus="yes">
        <source>; %n member API(s) do not answer</source>
        <translation>
            <numerusform>; API von %n Mitglied antwortet nicht</numerusform>
            <numerusform>; APIs von %n Mitgliedern antworten nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>stats read: %1 → %2; %3 → %4</source>
        <translation>Statistik gelesen: %1 → %2; %3 → %4</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>%1 of %2 endpoints healthy</source>
        <translation>%1 von %2 Endpunkten gesund</translation>
    </message>
    <message>
        <source>, raft leader %1</source>
        <translation>, Raft-Leader %1</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>not asked (no member list, or no password)</source>
        <translation>nicht abgefragt (keine Mitgliederliste oder kein Passwort)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message numerus="yes">
        <source>connected; the primary %1 lists %n replica(s)</source>
        <translation>
            <numerusform>verbunden; der Primärserver %1 meldet %n Replikat</numerusform>
            <numerusform>verbunden; der Primärserver %1 meldet %n Replikate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file %1 cannot be read and could not be set aside either; the console starts with defaults and will not save anything there. Move the file away yourself.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen und auch nicht beiseitegelegt werden; die Konsole startet mit Standardwerten und speichert dort nichts. Verschieben Sie die Datei selbst.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read (it is damaged); it was set aside as %2 and the console starts with defaults: no saved clusters, the default window layout. Nothing in it was deleted.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden (sie ist beschädigt); sie wurde als %2 beiseitegelegt, und die Konsole startet mit Standardwerten: keine gespeicherten Cluster, das Standard-Fensterlayout. Nichts darin wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>Settings::ProfileStore</name>
    <message>
        <source>There is no stored profile called &quot;%1&quot;.</source>
        <translation>Es gibt kein gespeichertes Profil namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no profile called &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A profile called &quot;%1&quot; already exists; choose another name.</source>
        <translation>Ein Profil namens &quot;%1&quot; existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written; check its permissions and the free disk space.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden; prüfen Sie ihre Berechtigungen und den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>The settings file %1 is not in the expected format; move it away to start afresh.</source>
        <translation>Die Einstellungsdatei %1 hat nicht das erwartete Format; verschieben Sie sie, um neu zu beginnen.</translation>
    </message>
</context>
<context>
    <name>Ui::ActionDialog</name>
    <message>
        <source>Switch over</source>
        <translation>Switchover ausführen</translation>
    </message>
    <message>
        <source>Cancel the switchover</source>
        <translation>Switchover abbrechen</translation>
    </message>
    <message>
        <source>Fail over</source>
        <translation>Failover ausführen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Cancel the restart</source>
        <translation>Neustart abbrechen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reinitialize</source>
        <translation>Neu initialisieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Switchover</source>
        <translation>Switchover</translation>
    </message>
    <message>
        <source>Cancel a scheduled switchover</source>
        <translation>Geplanten Switchover abbrechen</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Restart a member</source>
        <translation>Mitglied neu starten</translation>
    </message>
    <message>
        <source>Cancel a scheduled restart</source>
        <translation>Geplanten Neustart abbrechen</translation>
    </message>
    <message>
        <source>Reload a member&apos;s configuration</source>
        <translation>Konfiguration eines Mitglieds neu laden</translation>
    </message>
    <message>
        <source>Reinitialize a replica</source>
        <translation>Replikat neu initialisieren</translation>
    </message>
    <message>
        <source>Pause cluster management</source>
        <translation>Cluster-Verwaltung pausieren</translation>
    </message>
    <message>
        <source>Resume cluster management</source>
        <translation>Cluster-Verwaltung fortsetzen</translation>
    </message>
    <message>
        <source>Edit the dynamic configuration</source>
        <translation>Dynamische Konfiguration bearbeiten</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Who becomes leader (members that cannot are greyed, with the reason):</source>
        <translation>Wer Leader wird (Mitglieder, die es nicht werden können, sind mit Begründung ausgegraut):</translation>
    </message>
    <message>
        <source>The member to promote (members that cannot be are greyed, with the reason):</source>
        <translation>Das hochzustufende Mitglied (Mitglieder, die nicht hochgestuft werden können, sind mit Begründung ausgegraut):</translation>
    </message>
    <message>
        <source>Candidates and their checklist</source>
        <translation>Kandidaten und ihre Checkliste</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Schedule at</source>
        <translation>Planen für</translation>
    </message>
    <message>
        <source>Local time; sent to Patroni in UTC</source>
        <translation>Ortszeit; wird in UTC an Patroni gesendet</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Only if it needs a restart (pending restart)</source>
        <translation>Nur wenn ein Neustart nötig ist (Neustart ausstehend)</translation>
    </message>
    <message>
        <source>Force: also while its PostgreSQL is running</source>
        <translation>Erzwingen: auch während sein PostgreSQL läuft</translation>
    </message>
    <message>
        <source>The dynamic configuration (JSON); what you change is sent as a patch:</source>
        <translation>Die dynamische Konfiguration (JSON); Ihre Änderungen werden als Patch gesendet:</translation>
    </message>
    <message>
        <source>Dynamic configuration</source>
        <translation>Dynamische Konfiguration</translation>
    </message>
    <message>
        <source>Verification steps</source>
        <translation>Überprüfungsschritte</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Review again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>The configuration is not JSON: %1 on line %2. Correct it; nothing is sent until it reads.</source>
        <translation>Die Konfiguration ist kein JSON: %1 in Zeile %2. Korrigieren Sie sie; gesendet wird erst, wenn sie sich lesen lässt.</translation>
    </message>
    <message>
        <source>The configuration must be one JSON object.</source>
        <translation>Die Konfiguration muss ein einziges JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The cluster is no longer watched: close this dialog.</source>
        <translation>Der Cluster wird nicht mehr überwacht: Schließen Sie diesen Dialog.</translation>
    </message>
    <message>
        <source>The leader changed from %1 to %2 while this dialog was open. What you see below is the cluster now; confirming is refused until you press Review again.</source>
        <translation>Der Leader hat von %1 zu %2 gewechselt, während dieser Dialog geöffnet war. Unten sehen Sie den aktuellen Stand des Clusters; Bestätigen wird verweigert, bis Sie auf „Erneut prüfen“ klicken.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>any eligible member</source>
        <translation>jedes geeignete Mitglied</translation>
    </message>
    <message>
        <source>Patroni chooses</source>
        <translation>Patroni wählt</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>geeignet</translation>
    </message>
    <message>
        <source>not eligible: %1</source>
        <translation>nicht geeignet: %1</translation>
    </message>
    <message>
        <source>choose the member to promote</source>
        <translation>wählen Sie das hochzustufende Mitglied</translation>
    </message>
    <message>
        <source>this cluster&apos;s view cannot send actions (it is not connected to the cluster)</source>
        <translation>die Ansicht dieses Clusters kann keine Aktionen senden (sie ist nicht mit dem Cluster verbunden)</translation>
    </message>
    <message>
        <source>another action is in flight for this cluster; wait for it to finish</source>
        <translation>für diesen Cluster läuft bereits eine andere Aktion; warten Sie, bis sie abgeschlossen ist</translation>
    </message>
    <message>
        <source>Cannot be sent:
%1</source>
        <translation>Kann nicht gesendet werden:
%1</translation>
    </message>
    <message>
        <source>Changes:
%1</source>
        <translation>Änderungen:
%1</translation>
    </message>
    <message>
        <source>What will happen: %1</source>
        <translation>Was geschieht: %1</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Geben Sie zur Bestätigung %1 ein:</translation>
    </message>
    <message>
        <source>Type %1 exactly first</source>
        <translation>Geben Sie zuerst genau %1 ein</translation>
    </message>
    <message>
        <source>Give the REST API&apos;s password first</source>
        <translation>Geben Sie zuerst das Passwort der REST-API an</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1: %2
%3</translation>
    </message>
    <message>
        <source>nothing was sent: %1</source>
        <translation>nichts gesendet: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Closing does not stop the action; its outcome goes to the audit log and the status bar</source>
        <translation>Schließen bricht die Aktion nicht ab; ihr Ergebnis wird im Audit-Protokoll und in der Statusleiste festgehalten</translation>
    </message>
    <message>
        <source>Sending to Patroni…</source>
        <translation>Wird an Patroni gesendet…</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Done and verified</source>
        <translation>Erledigt und überprüft</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht überprüft</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The REST API refused the user name or password: give them again.</source>
        <translation>Die REST-API hat den Benutzernamen oder das Passwort abgelehnt: Geben Sie beides erneut ein.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Ui::AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>member, user, message…</source>
        <translation>Mitglied, Benutzer, Meldung…</translation>
    </message>
    <message>
        <source>Filter the audit log by text</source>
        <translation>Audit-Protokoll nach Text filtern</translation>
    </message>
    <message>
        <source>Filter by cluster</source>
        <translation>Nach Cluster filtern</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Nach Aktion filtern</translation>
    </message>
    <message>
        <source>Filter by age</source>
        <translation>Nach Alter filtern</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>gesamter Zeitraum</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>letzter Tag</translation>
    </message>
    <message>
        <source>last week</source>
        <translation>letzte Woche</translation>
    </message>
    <message>
        <source>Select an action to see its whole record</source>
        <translation>Wählen Sie eine Aktion aus, um ihren vollständigen Eintrag zu sehen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>every cluster</source>
        <translation>alle Cluster</translation>
    </message>
    <message>
        <source>every action</source>
        <translation>alle Aktionen</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) in %1</source>
        <translation>
            <numerusform>%n Aktion in %1</numerusform>
            <numerusform>%n Aktionen in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n line(s) could not be read and are left out</source>
        <translation>
            <numerusform>; %n Zeile konnte nicht gelesen werden und wird ausgelassen</numerusform>
            <numerusform>; %n Zeilen konnten nicht gelesen werden und werden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Audit-Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv);;JSON, for machines (*.json)</source>
        <translation>CSV, für Tabellenkalkulationen (*.csv);;JSON, für Maschinen (*.json)</translation>
    </message>
    <message>
        <source>The audit log was not exported: %1. Choose another place and export again.</source>
        <translation>Das Audit-Protokoll wurde nicht exportiert: %1. Wählen Sie einen anderen Speicherort und exportieren Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) exported to %1</source>
        <translation>
            <numerusform>%n Aktion nach %1 exportiert</numerusform>
            <numerusform>%n Aktionen nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::ClusterDialog</name>
    <message>
        <source>%1: &quot;%2&quot; is not an http:// or https:// URL with a host</source>
        <translation>%1: &quot;%2&quot; ist keine http://- oder https://-URL mit Host</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>none, or stored in the keychain</source>
        <translation>keins oder im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Add a cluster</source>
        <translation>Cluster hinzufügen</translation>
    </message>
    <message>
        <source>Edit cluster %1</source>
        <translation>Cluster %1 bearbeiten</translation>
    </message>
    <message>
        <source>a short name: it keys the journal and the keychain entries</source>
        <translation>ein kurzer Name: Er dient als Schlüssel für das Journal und die Einträge im Schlüsselbund</translation>
    </message>
    <message>
        <source>A saved cluster keeps its name: to rename it, add it anew and remove this one.</source>
        <translation>Ein gespeicherter Cluster behält seinen Namen: Um ihn umzubenennen, fügen Sie ihn neu hinzu und entfernen Sie diesen.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>One member&apos;s REST API is enough: the others are discovered. Several, separated by spaces, are tried in turn.</source>
        <translation>Die REST-API eines Mitglieds genügt: Die übrigen werden automatisch erkannt. Mehrere, durch Leerzeichen getrennt, werden der Reihe nach versucht.</translation>
    </message>
    <message>
        <source>&amp;Patroni REST API</source>
        <translation>&amp;Patroni-REST-API</translation>
    </message>
    <message>
        <source>only if the API asks for a user (restapi.authentication)</source>
        <translation>nur, wenn die API einen Benutzer verlangt (restapi.authentication)</translation>
    </message>
    <message>
        <source>API user</source>
        <translation>API-Benutzer</translation>
    </message>
    <message>
        <source>API password</source>
        <translation>API-Passwort</translation>
    </message>
    <message>
        <source>HAProxy (optional)</source>
        <translation>HAProxy (optional)</translation>
    </message>
    <message>
        <source>&amp;Stats URL</source>
        <translation>&amp;Stats-URL</translation>
    </message>
    <message>
        <source>only with &quot;stats auth&quot;</source>
        <translation>nur mit &quot;stats auth&quot;</translation>
    </message>
    <message>
        <source>Stats user</source>
        <translation>Stats-Benutzer</translation>
    </message>
    <message>
        <source>Stats password</source>
        <translation>Stats-Passwort</translation>
    </message>
    <message>
        <source>etcd (optional)</source>
        <translation>etcd (optional)</translation>
    </message>
    <message>
        <source>&amp;Client URLs</source>
        <translation>&amp;Client-URLs</translation>
    </message>
    <message>
        <source>PostgreSQL (optional: lag in seconds, where HAProxy&apos;s ports land)</source>
        <translation>PostgreSQL (optional: Verzögerung in Sekunden, dort, wo die Ports von HAProxy hinführen)</translation>
    </message>
    <message>
        <source>empty: PostgreSQL is not asked</source>
        <translation>leer: PostgreSQL wird nicht abgefragt</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>TLS (sslmode)</source>
        <translation>TLS (sslmode)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>TLS for the HTTPS sources (optional)</source>
        <translation>TLS für die HTTPS-Quellen (optional)</translation>
    </message>
    <message>
        <source>PEM file</source>
        <translation>PEM-Datei</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Test connection reads every source once and says here what it found.</source>
        <translation>„Verbindung testen“ liest jede Quelle einmal und zeigt hier, was gefunden wurde.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>OK      </source>
        <translation>OK      </translation>
    </message>
    <message>
        <source>FAILED  </source>
        <translation>FEHLER  </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Patroni REST API</source>
        <translation>Patroni-REST-API</translation>
    </message>
    <message>
        <source>Patroni REST API: give the URL of at least one member&apos;s REST API</source>
        <translation>Patroni-REST-API: Geben Sie die URL der REST-API mindestens eines Mitglieds an</translation>
    </message>
    <message>
        <source>HAProxy stats URL</source>
        <translation>HAProxy-Stats-URL</translation>
    </message>
    <message>
        <source>HAProxy stats URL: one URL only</source>
        <translation>HAProxy-Stats-URL: nur eine URL</translation>
    </message>
    <message>
        <source>HAProxy stats user: there is no stats URL to use it with</source>
        <translation>HAProxy-Stats-Benutzer: Es gibt keine Stats-URL, mit der er verwendet werden kann</translation>
    </message>
    <message>
        <source>etcd client URLs</source>
        <translation>etcd-Client-URLs</translation>
    </message>
    <message>
        <source>Name: a cluster called &quot;%1&quot; is saved already</source>
        <translation>Name: Ein Cluster namens &quot;%1&quot; ist bereits gespeichert</translation>
    </message>
    <message>
        <source>Cannot test yet:
%1</source>
        <translation>Test noch nicht möglich:
%1</translation>
    </message>
    <message>
        <source>Reading every source once…</source>
        <translation>Jede Quelle wird einmal gelesen…</translation>
    </message>
    <message>
        <source>Not saved:
%1</source>
        <translation>Nicht gespeichert:
%1</translation>
    </message>
    <message>
        <source>Saving (the passwords go to the keychain first)…</source>
        <translation>Wird gespeichert (die Passwörter kommen zuerst in den Schlüsselbund)…</translation>
    </message>
</context>
<context>
    <name>Ui::ClusterPage</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>Cluster health</source>
        <translation>Cluster-Zustand</translation>
    </message>
    <message>
        <source>Findings, most severe first</source>
        <translation>Befunde, schwerwiegendste zuerst</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Events, newest first</source>
        <translation>Ereignisse, neueste zuerst</translation>
    </message>
    <message>
        <source>member or text</source>
        <translation>Mitglied oder Text</translation>
    </message>
    <message>
        <source>Filter events by member or text</source>
        <translation>Ereignisse nach Mitglied oder Text filtern</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>alle Arten</translation>
    </message>
    <message>
        <source>Filter events by kind</source>
        <translation>Ereignisse nach Art filtern</translation>
    </message>
    <message>
        <source>every severity</source>
        <translation>alle Schweregrade</translation>
    </message>
    <message>
        <source>warning and worse</source>
        <translation>Warnung und schwerer</translation>
    </message>
    <message>
        <source>critical only</source>
        <translation>nur kritisch</translation>
    </message>
    <message>
        <source>Filter events by severity</source>
        <translation>Ereignisse nach Schweregrad filtern</translation>
    </message>
    <message>
        <source>Events and details</source>
        <translation>Ereignisse und Details</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Switch over to it…</source>
        <translation>Switchover auf dieses Mitglied…</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>Neu starten…</translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation>Neu laden…</translation>
    </message>
    <message>
        <source>Reinitialize…</source>
        <translation>Neu initialisieren…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>Selected member in detail</source>
        <translation>Ausgewähltes Mitglied im Detail</translation>
    </message>
    <message>
        <source>HAProxy per port and server</source>
        <translation>HAProxy nach Port und Server</translation>
    </message>
    <message>
        <source>etcd endpoints and members</source>
        <translation>etcd-Endpunkte und -Mitglieder</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>HAProxy sessions</source>
        <translation>HAProxy-Sitzungen</translation>
    </message>
    <message>
        <source>Sources and their age</source>
        <translation>Quellen und ihr Alter</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message>
        <source>Select a member in the picture or the table</source>
        <translation>Wählen Sie ein Mitglied in der Grafik oder in der Tabelle aus</translation>
    </message>
    <message>
        <source>%1 is not in the cluster any more</source>
        <translation>%1 ist nicht mehr im Cluster</translation>
    </message>
    <message>
        <source>HAProxy is not watched: add its stats URL to the cluster&apos;s settings</source>
        <translation>HAProxy wird nicht überwacht: Fügen Sie die Stats-URL in den Einstellungen des Clusters hinzu</translation>
    </message>
    <message>
        <source>HAProxy&apos;s stats page has not answered yet</source>
        <translation>Die Stats-Seite von HAProxy hat noch nicht geantwortet</translation>
    </message>
    <message>
        <source>Last known: %1</source>
        <translation>Zuletzt bekannt: %1</translation>
    </message>
    <message>
        <source>etcd is not watched: add its client URLs to the cluster&apos;s settings</source>
        <translation>etcd wird nicht überwacht: Fügen Sie die Client-URLs in den Einstellungen des Clusters hinzu</translation>
    </message>
    <message>
        <source>etcd has not answered yet</source>
        <translation>etcd hat noch nicht geantwortet</translation>
    </message>
    <message>
        <source>This view of the cluster cannot send actions</source>
        <translation>Aus dieser Ansicht des Clusters können keine Aktionen gesendet werden</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>Kein Cluster</translation>
    </message>
    <message>
        <source> (last good %1)</source>
        <translation> (zuletzt erfolgreich: %1)</translation>
    </message>
    <message>
        <source>%1 failing</source>
        <translation>%1 schlägt fehl</translation>
    </message>
    <message>
        <source> (last good %1 ago)</source>
        <translation> (zuletzt erfolgreich vor %1)</translation>
    </message>
    <message>
        <source>%1 %2 ago</source>
        <translation>%1 vor %2</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartet</translation>
    </message>
    <message>
        <source>Patroni</source>
        <translation>Patroni</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source> · cluster view from %1</source>
        <translation> · Cluster-Ansicht von %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n field(s) ignored</source>
        <translation>
            <numerusform> · %n Feld ignoriert</numerusform>
            <numerusform> · %n Felder ignoriert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::CredentialsBox</name>
    <message>
        <source>Patroni REST API credentials</source>
        <translation>Anmeldedaten für die Patroni-REST-API</translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>The keychain holds no password for this cluster&apos;s REST API. It is asked for once; without a keychain it is kept for this session only.</source>
        <translation>Der Schlüsselbund enthält kein Passwort für die REST-API dieses Clusters. Es wird einmal abgefragt; ohne Schlüsselbund wird es nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
</context>
<context>
    <name>Ui::FindingStyleProxy</name>
    <message>
        <source>CRITICAL</source>
        <translation>KRITISCH</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
</context>
<context>
    <name>Ui::LagChart</name>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Lag unit</source>
        <translation>Lag-Einheit</translation>
    </message>
    <message>
        <source>Bytes from Patroni&apos;s WAL positions; seconds from PostgreSQL, where it can tell</source>
        <translation>Bytes aus den WAL-Positionen von Patroni; Sekunden von PostgreSQL, sofern es sie ermitteln kann</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>Replication lag chart</source>
        <translation>Diagramm der Replikationsverzögerung</translation>
    </message>
    <message>
        <source>lag (%1)</source>
        <translation>Lag (%1)</translation>
    </message>
    <message>
        <source>no replica lag recorded yet</source>
        <translation>noch keine Replikat-Verzögerung aufgezeichnet</translation>
    </message>
    <message>
        <source>PostgreSQL has not reported lag in seconds (connect it in the cluster&apos;s settings)</source>
        <translation>PostgreSQL hat keine Verzögerung in Sekunden gemeldet (verbinden Sie es in den Einstellungen des Clusters)</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>Patroni Console — %1</source>
        <translation>Patroni Console — %1</translation>
    </message>
    <message>
        <source>Clusters, worst first</source>
        <translation>Cluster, schlechteste zuerst</translation>
    </message>
    <message>
        <source>Filter clusters</source>
        <translation>Cluster filtern</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>A&amp;ktionen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&amp;Switchover…</source>
        <translation>&amp;Switchover…</translation>
    </message>
    <message>
        <source>Switchover…</source>
        <translation>Switchover…</translation>
    </message>
    <message>
        <source>Hand the leader role to a healthy replica, now or at a set time</source>
        <translation>Die Leader-Rolle an ein gesundes Replikat übergeben, sofort oder zu einem festgelegten Zeitpunkt</translation>
    </message>
    <message>
        <source>&amp;Failover…</source>
        <translation>&amp;Failover…</translation>
    </message>
    <message>
        <source>Failover…</source>
        <translation>Failover…</translation>
    </message>
    <message>
        <source>Promote a replica when there is no healthy leader (data may be lost)</source>
        <translation>Ein Replikat zum Leader befördern, wenn kein gesunder Leader vorhanden ist (Daten können verloren gehen)</translation>
    </message>
    <message>
        <source>&amp;Cancel the scheduled switchover…</source>
        <translation>Geplanten Switchover a&amp;bbrechen…</translation>
    </message>
    <message>
        <source>Cancel switchover…</source>
        <translation>Switchover abbrechen…</translation>
    </message>
    <message>
        <source>Withdraw a switchover scheduled for later</source>
        <translation>Einen für später geplanten Switchover zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Restart the selected member…</source>
        <translation>Ausgewähltes Mitglied neu s&amp;tarten…</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>Neustart…</translation>
    </message>
    <message>
        <source>Restart the selected member&apos;s PostgreSQL, now or at a set time</source>
        <translation>PostgreSQL des ausgewählten Mitglieds neu starten, sofort oder zu einem festgelegten Zeitpunkt</translation>
    </message>
    <message>
        <source>Re&amp;load the selected member…</source>
        <translation>Ausgewähltes Mitglied neu &amp;laden…</translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation>Neu laden…</translation>
    </message>
    <message>
        <source>Make the selected member reread its configuration</source>
        <translation>Das ausgewählte Mitglied seine Konfiguration neu einlesen lassen</translation>
    </message>
    <message>
        <source>Re&amp;initialize the selected member…</source>
        <translation>Ausgewähltes Mitglied neu &amp;initialisieren…</translation>
    </message>
    <message>
        <source>Reinitialize…</source>
        <translation>Neu initialisieren…</translation>
    </message>
    <message>
        <source>Rebuild the selected replica from the leader (its data directory is replaced)</source>
        <translation>Das ausgewählte Replikat vom Leader neu aufbauen (sein Datenverzeichnis wird ersetzt)</translation>
    </message>
    <message>
        <source>Cancel restart…</source>
        <translation>Neustart abbrechen…</translation>
    </message>
    <message>
        <source>Withdraw a restart scheduled for later</source>
        <translation>Einen für später geplanten Neustart zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Pause cluster management…</source>
        <translation>Cluster-Verwaltung &amp;pausieren…</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>Pausieren…</translation>
    </message>
    <message>
        <source>Maintenance mode: Patroni stops failing over and starting PostgreSQL</source>
        <translation>Wartungsmodus: Patroni führt keine Failover mehr aus und startet PostgreSQL nicht mehr</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Fortsetzen…</translation>
    </message>
    <message>
        <source>Leave maintenance mode</source>
        <translation>Wartungsmodus verlassen</translation>
    </message>
    <message>
        <source>&amp;Edit the dynamic configuration…</source>
        <translation>&amp;Dynamische Konfiguration bearbeiten…</translation>
    </message>
    <message>
        <source>Edit configuration…</source>
        <translation>Konfiguration bearbeiten…</translation>
    </message>
    <message>
        <source>Change the cluster-wide settings Patroni keeps in the DCS, with a preview of the change</source>
        <translation>Die clusterweiten Einstellungen ändern, die Patroni im DCS hält, mit einer Vorschau der Änderung</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Audit-Protokoll…</translation>
    </message>
    <message>
        <source>Every action sent or refused, with its answer and verification</source>
        <translation>Jede gesendete oder abgelehnte Aktion, mit ihrer Antwort und Überprüfung</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Switch over to %1…</source>
        <translation>Switchover zu %1…</translation>
    </message>
    <message>
        <source>Fail over to %1…</source>
        <translation>Failover zu %1…</translation>
    </message>
    <message>
        <source>Restart %1…</source>
        <translation>%1 neu starten…</translation>
    </message>
    <message>
        <source>Reload %1…</source>
        <translation>%1 neu laden…</translation>
    </message>
    <message>
        <source>Reinitialize %1…</source>
        <translation>%1 neu initialisieren…</translation>
    </message>
    <message>
        <source>Cancel the scheduled restart of %1…</source>
        <translation>Geplanten Neustart von %1 abbrechen…</translation>
    </message>
    <message>
        <source>This view of the cluster cannot send actions</source>
        <translation>Diese Ansicht des Clusters kann keine Aktionen senden</translation>
    </message>
    <message>
        <source>This view of the cluster cannot send actions.</source>
        <translation>Diese Ansicht des Clusters kann keine Aktionen senden.</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>No cluster here can send actions, so there is no audit log to show.</source>
        <translation>Kein Cluster hier kann Aktionen senden, daher gibt es kein Audit-Protokoll anzuzeigen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>Schnappschuss &amp;exportieren…</translation>
    </message>
    <message>
        <source>Everything the console knows about the cluster shown, secrets redacted: JSON, Markdown, HTML, PDF or a PNG of the page</source>
        <translation>Alles, was die Konsole über den angezeigten Cluster weiß, Geheimnisse geschwärzt: JSON, Markdown, HTML, PDF oder ein PNG der Seite</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Notify about this cluster</source>
        <translation>Über diesen Cluster be&amp;nachrichtigen</translation>
    </message>
    <message>
        <source>A desktop notification when its leader is lost or changes, or a critical finding is raised</source>
        <translation>Eine Desktop-Benachrichtigung, wenn sein Leader verloren geht oder wechselt oder ein kritischer Befund gemeldet wird</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Clusters (filter)</source>
        <translation>&amp;Cluster (Filter)</translation>
    </message>
    <message>
        <source>&amp;Topology</source>
        <translation>T&amp;opologie</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Lag chart</source>
        <translation>&amp;Lag-Diagramm</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;HAProxy</source>
        <translation>&amp;HAProxy</translation>
    </message>
    <message>
        <source>&amp;Fit the topology</source>
        <translation>Topologie ein&amp;passen</translation>
    </message>
    <message>
        <source>&amp;Add cluster…</source>
        <translation>Cluster &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit cluster…</source>
        <translation>Cluster &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove cluster…</source>
        <translation>Cluster &amp;entfernen…</translation>
    </message>
    <message>
        <source>Cluster not removed</source>
        <translation>Cluster nicht entfernt</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>%1 wurde nicht entfernt: %2</translation>
    </message>
    <message>
        <source>Not a saved cluster</source>
        <translation>Kein gespeicherter Cluster</translation>
    </message>
    <message>
        <source>%1 is not saved (it came from the command line or is the built-in lab): add it as a cluster of its own to change it.</source>
        <translation>%1 ist nicht gespeichert (er stammt von der Befehlszeile oder ist das eingebaute Labor): Fügen Sie ihn als eigenen Cluster hinzu, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>%1 is not saved: there is nothing to remove.</source>
        <translation>%1 ist nicht gespeichert: Es gibt nichts zu entfernen.</translation>
    </message>
    <message>
        <source>Remove cluster</source>
        <translation>Cluster entfernen</translation>
    </message>
    <message>
        <source>Stop watching %1 and forget it: its settings and its passwords in the keychain are removed. The cluster itself is not touched. Its journal stays on disk.</source>
        <translation>%1 nicht mehr beobachten und vergessen: Seine Einstellungen und seine Passwörter im Schlüsselbund werden entfernt. Der Cluster selbst bleibt unberührt. Sein Journal bleibt auf der Festplatte.</translation>
    </message>
    <message>
        <source>Markdown, for tickets (*.md)</source>
        <translation>Markdown, für Tickets (*.md)</translation>
    </message>
    <message>
        <source>HTML, self-contained (*.html)</source>
        <translation>HTML, eigenständig (*.html)</translation>
    </message>
    <message>
        <source>PDF, for change records (*.pdf)</source>
        <translation>PDF, für Änderungsnachweise (*.pdf)</translation>
    </message>
    <message>
        <source>PNG picture of the page, for chat (*.png)</source>
        <translation>PNG-Bild der Seite, für den Chat (*.png)</translation>
    </message>
    <message>
        <source>JSON, for machines (*.json)</source>
        <translation>JSON, für Maschinen (*.json)</translation>
    </message>
    <message>
        <source>Export a snapshot of %1</source>
        <translation>Schnappschuss von %1 exportieren</translation>
    </message>
    <message>
        <source>No cluster is shown.</source>
        <translation>Es wird kein Cluster angezeigt.</translation>
    </message>
    <message>
        <source>The snapshot was not written: %1. Choose another place (a folder you can write to, with free space) and export again.</source>
        <translation>Der Schnappschuss wurde nicht geschrieben: %1. Wählen Sie einen anderen Ort (einen Ordner mit Schreibrechten und freiem Speicherplatz) und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Schnappschuss exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot of %1 written to %2 (%n secret value(s) redacted)</source>
        <translation>
            <numerusform>Schnappschuss von %1 nach %2 geschrieben (%n geheimer Wert geschwärzt)</numerusform>
            <numerusform>Schnappschuss von %1 nach %2 geschrieben (%n geheime Werte geschwärzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the selected &amp;member&apos;s scheduled restart…</source>
        <translation>Geplanten &amp;Neustart des ausgewählten Mitglieds abbrechen…</translation>
    </message>
    <message>
        <source>Res&amp;ume cluster management…</source>
        <translation>Cluster-Verwaltung f&amp;ortsetzen…</translation>
    </message>
    <message>
        <source>Mem&amp;ber details</source>
        <translation>Mitglieds&amp;details</translation>
    </message>
    <message>
        <source>etc&amp;d</source>
        <translation>e&amp;tcd</translation>
    </message>
</context>
<context>
    <name>Ui::Notifier</name>
    <message>
        <source>Patroni Console</source>
        <translation>Patroni Console</translation>
    </message>
</context>
<context>
    <name>Ui::RollingRestartDialog</name>
    <message>
        <source>Only the members that need a restart (pending restart)</source>
        <translation>Nur die Mitglieder, die einen Neustart benötigen (Neustart ausstehend)</translation>
    </message>
    <message>
        <source>Rolling restart — %1</source>
        <translation>Rollierender Neustart — %1</translation>
    </message>
    <message>
        <source>Restarts PostgreSQL on every member without taking the cluster down: the replicas one at a time, then a switchover away from the leader, then the old leader. Each step is verified, and the cluster must be healthy again before the next.</source>
        <translation>Startet PostgreSQL auf jedem Mitglied neu, ohne den Cluster herunterzufahren: zuerst die Replikate nacheinander, dann ein Switchover weg vom Leader, dann der alte Leader. Jeder Schritt wird überprüft, und der Cluster muss wieder gesund sein, bevor der nächste beginnt.</translation>
    </message>
    <message>
        <source>The rolling restart&apos;s steps</source>
        <translation>Die Schritte des rollierenden Neustarts</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop after this step</source>
        <translation>Nach diesem Schritt anhalten</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Wird nach diesem Schritt angehalten…</translation>
    </message>
    <message>
        <source>the cluster was not healthy again within %1 s: %2</source>
        <translation>der Cluster war nicht innerhalb von %1 s wieder gesund: %2</translation>
    </message>
    <message>
        <source>This view of the cluster cannot send actions.</source>
        <translation>Diese Ansicht des Clusters kann keine Aktionen senden.</translation>
    </message>
    <message>
        <source>%1. Switchover from %2 to %3</source>
        <translation>%1. Switchover von %2 zu %3</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1. Restart %2</source>
        <translation>%1. Neustart von %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>another action is in flight for this cluster; wait for it to finish</source>
        <translation>für diesen Cluster läuft gerade eine andere Aktion; warten Sie, bis sie abgeschlossen ist</translation>
    </message>
    <message>
        <source>Ready: %1.</source>
        <translation>Bereit: %1.</translation>
    </message>
    <message>
        <source>Cannot start: %1.</source>
        <translation>Start nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>Rolling restart done: %n step(s), every one verified.</source>
        <translation>
            <numerusform>Rollierender Neustart abgeschlossen: %n Schritt, überprüft.</numerusform>
            <numerusform>Rollierender Neustart abgeschlossen: %n Schritte, jeder einzelne überprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped as asked</source>
        <translation>wie angefordert angehalten</translation>
    </message>
    <message>
        <source>the cluster is no longer watched</source>
        <translation>der Cluster wird nicht mehr beobachtet</translation>
    </message>
    <message>
        <source>another action is in flight for this cluster</source>
        <translation>für diesen Cluster läuft gerade eine andere Aktion</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>verified, waiting for the cluster</source>
        <translation>überprüft, wartet auf den Cluster</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>Rolling restart stopped at step %1 (%2): nothing more was done. Look at the cluster before going on.</source>
        <translation>Rollierender Neustart bei Schritt %1 (%2) angehalten: Es wurde nichts weiter ausgeführt. Prüfen Sie den Cluster, bevor Sie fortfahren.</translation>
    </message>
    <message>
        <source>rolling restart cancelled in the window</source>
        <translation>rollierender Neustart im Fenster abgebrochen</translation>
    </message>
</context>
<context>
    <name>Ui::SessionsChart</name>
    <message>
        <source>Client sessions through HAProxy, per member</source>
        <translation>Client-Sitzungen über HAProxy, pro Mitglied</translation>
    </message>
    <message>
        <source>HAProxy sessions chart</source>
        <translation>HAProxy-Sitzungsdiagramm</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>HAProxy is not watched for this cluster</source>
        <translation>HAProxy wird für diesen Cluster nicht beobachtet</translation>
    </message>
    <message>
        <source>no stats read yet</source>
        <translation>noch keine Statistiken gelesen</translation>
    </message>
</context>
<context>
    <name>Ui::TimeSeriesView</name>
    <message>
        <source>no leader</source>
        <translation>kein Leader</translation>
    </message>
    <message>
        <source>leader %1</source>
        <translation>Leader %1</translation>
    </message>
    <message>
        <source>new timeline</source>
        <translation>neue Timeline</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
</context>
<context>
    <name>Ui::TopologyScene</name>
    <message>
        <source>lag unknown</source>
        <translation>Verzögerung unbekannt</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>Verzögerung %1</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <source>quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>potential sync</source>
        <translation>potenziell synchron</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>TL %1</source>
        <translation>TL %1</translation>
    </message>
    <message>
        <source> (leader on %1)</source>
        <translation> (Leader auf %1)</translation>
    </message>
    <message>
        <source>restart pending</source>
        <translation>Neustart ausstehend</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Its own REST API does not answer: shown as the DCS last listed it.</source>
        <translation>Die eigene REST-API antwortet nicht: so dargestellt, wie der DCS es zuletzt aufgeführt hat.</translation>
    </message>
    <message>
        <source>The DCS (GET /cluster) lists it as %1, %2.</source>
        <translation>Der DCS (GET /cluster) führt es als %1, %2.</translation>
    </message>
    <message>
        <source>Not seen streaming from %1.</source>
        <translation>Es wurde nicht beobachtet, dass es von %1 streamt.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>routes nowhere</source>
        <translation>leitet nirgendwohin weiter</translation>
    </message>
    <message>
        <source>HAProxy port %1 (%2, proxy &quot;%3&quot;)</source>
        <translation>HAProxy-Port %1 (%2, Proxy &quot;%3&quot;)</translation>
    </message>
    <message>
        <source> (checks failing)</source>
        <translation> (Prüfungen schlagen fehl)</translation>
    </message>
    <message>
        <source>New connections go nowhere.</source>
        <translation>Neue Verbindungen gehen nirgendwohin.</translation>
    </message>
    <message>
        <source>New connections go to %1.</source>
        <translation>Neue Verbindungen gehen an %1.</translation>
    </message>
    <message>
        <source>HAProxy&apos;s stats page does not answer: this is the last known routing.</source>
        <translation>Die Statistikseite von HAProxy antwortet nicht: Dies ist das zuletzt bekannte Routing.</translation>
    </message>
    <message>
        <source>HAProxy is not watched:
add its stats URL to see
where clients are sent</source>
        <translation>HAProxy wird nicht beobachtet:
Fügen Sie seine Stats-URL hinzu,
um zu sehen, wohin Clients geleitet werden</translation>
    </message>
    <message>
        <source>HAProxy&apos;s stats page has
not answered yet</source>
        <translation>Die Statistikseite von HAProxy
hat noch nicht geantwortet</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
</context>
<context>
    <name>Ui::TopologyView</name>
    <message>
        <source>Cluster topology</source>
        <translation>Cluster-Topologie</translation>
    </message>
</context>
</TS>
