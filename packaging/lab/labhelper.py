#!/usr/bin/python3
"""labhelper.py — the lab's JSON, HAProxy CSV and HTML work, for manage-cluster.sh (no job for bash).

Called as `labhelper.py VERB [ARGS]` with the lab's ports in the environment (LAB_NODES, LAB_API_PORTS,
LAB_PG_PORTS, LAB_ETCD_CLIENT_PORTS, LAB_HAPROXY_STATS_PORT). /usr/bin/python3 is there because Patroni
needs it; only the standard library is used. CI checks this file with pyflakes3 and py_compile.

Verbs: health, leader, member NAME, members, own NAME FIELD, cluster-json, etcd-table, haproxy-table,
text (stdin: a Patroni answer, maybe an HTML page; stdout: its words), haproxy-admin SOCKET COMMAND.
"""
import csv, html, io, json, os, re, socket, sys, urllib.error, urllib.request

NODES = os.environ['LAB_NODES'].split()
API = dict(zip(NODES, os.environ['LAB_API_PORTS'].split()))
PG = dict(zip(NODES, os.environ['LAB_PG_PORTS'].split()))
ETCD = os.environ['LAB_ETCD_CLIENT_PORTS'].split()
STATS = os.environ['LAB_HAPROXY_STATS_PORT']
RUNNING = ('running', 'streaming', 'in archive recovery')
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))

def http(url, data=None, timeout=2.0):
    req = urllib.request.Request(url, data=data, method='POST' if data is not None else 'GET')
    try:
        with OPENER.open(req, timeout=timeout) as r:
            return r.status, r.read().decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode('utf-8', 'replace')
    except Exception as e:  # refused, timeout, reset
        return None, str(getattr(e, 'reason', e))

def jget(url, timeout=2.0):
    st, body = http(url, timeout=timeout)
    if st is None:
        return None, body
    try:
        return json.loads(body), None
    except ValueError:
        return None, 'HTTP %s, not JSON' % st

def cluster():
    for n in NODES:
        d, _ = jget('http://127.0.0.1:%s/cluster' % API[n])
        if isinstance(d, dict):
            return d, n
    return None, None

def leader_of(cl):
    ls = [m['name'] for m in cl.get('members', []) if m.get('role') == 'leader']
    return ls[0] if len(ls) == 1 else None

def haproxy_rows():
    st, body = http('http://127.0.0.1:%s/;csv' % STATS)
    if st != 200:
        return None, 'stats CSV at port %s: %s' % (STATS, body if st is None else 'HTTP %s' % st)
    lines = body.splitlines()
    if not lines or not lines[0].startswith('# '):
        return None, 'stats CSV has no header line'
    return list(csv.DictReader(io.StringIO('\n'.join([lines[0][2:]] + lines[1:])))), None

def cmd_health():
    problems = []
    def problem(comp, msg):
        problems.append((comp, msg))
    for i, p in enumerate(ETCD):
        d, err = jget('http://127.0.0.1:%s/health' % p)
        if d is None:
            problem('etcd%d' % (i + 1), '/health on port %s: %s' % (p, err))
        elif str(d.get('health')).lower() != 'true':
            problem('etcd%d' % (i + 1), 'unhealthy: %s' % json.dumps(d))
    own = {}
    for n in NODES:
        d, err = jget('http://127.0.0.1:%s/patroni' % API[n])
        if d is None:
            problem(n, 'REST API on port %s does not answer: %s' % (API[n], err))
            continue
        own[n] = d
        if d.get('state') not in RUNNING:
            problem(n, 'says it is %r (role %r)' % (d.get('state'), d.get('role')))
    cl, _ = cluster()
    leader = None
    if cl is None:
        problem('cluster', 'no REST API answers GET /cluster')
    else:
        members = {m.get('name'): m for m in cl.get('members', [])}
        leaders = [n for n, m in members.items() if m.get('role') == 'leader']
        if len(leaders) != 1:
            problem('cluster', '%d leaders in /cluster (%s), expected exactly one' % (len(leaders), ', '.join(leaders) or 'none'))
        else:
            leader = leaders[0]
        for n in NODES:
            m = members.get(n)
            if m is None:
                problem(n, 'missing from /cluster')
                continue
            if m.get('state') not in RUNNING:
                problem(n, 'state %r in /cluster' % m.get('state'))
            if n == leader:
                if n in own and own[n].get('role') not in ('master', 'primary'):
                    problem(n, 'leader in /cluster but its own role is %r' % own[n].get('role'))
            elif m.get('role') not in ('replica', 'sync_standby'):
                problem(n, 'role %r in /cluster, expected replica' % m.get('role'))
            elif n in own and own[n].get('role') != 'replica':
                problem(n, 'replica in /cluster but its own role is %r' % own[n].get('role'))
        for n in members:
            if n not in NODES:
                problem('cluster', 'unexpected member %r in /cluster' % n)
    rows, err = haproxy_rows()
    if rows is None:
        problem('haproxy', err)
    elif leader:
        want = {'primary': {leader}, 'replicas': set(NODES) - {leader}, 'any': set(NODES)}
        for px, up in want.items():
            for n in NODES:
                row = next((r for r in rows if r.get('pxname') == px and r.get('svname') == n), None)
                if row is None:
                    problem('haproxy', 'no server %s in %s' % (n, px))
                    continue
                st = row.get('status', '')
                if n in up and st != 'UP':
                    problem('haproxy', '%s/%s is %r, expected UP' % (px, n, st))
                if n not in up and st.startswith('UP'):
                    problem('haproxy', '%s/%s is %r, expected DOWN' % (px, n, st))
    if leader:
        print('LEADER\t%s\t%s\t%s' % (leader, PG[leader], API[leader]))
    for comp, msg in problems:
        print('PROBLEM\t%s\t%s' % (comp, msg))
    return 1 if problems else 0

def cmd_leader():
    cl, _ = cluster()
    if cl is None:
        print('no REST API answers GET /cluster', file=sys.stderr)
        return 2
    l = leader_of(cl)
    if l is None:
        print('no leader in /cluster', file=sys.stderr)
        return 1
    print(l)
    return 0

def cmd_member(name):
    """role<TAB>state<TAB>timeline of NAME in /cluster"""
    cl, _ = cluster()
    if cl is None:
        return 2
    for m in cl.get('members', []):
        if m.get('name') == name:
            print('%s\t%s\t%s' % (m.get('role', ''), m.get('state', ''), m.get('timeline', '')))
            return 0
    return 1

def cmd_members():
    cl, _ = cluster()
    if cl is None:
        return 2
    for m in cl.get('members', []):
        print(m.get('name'))
    return 0

def cmd_own(name, field):
    d, err = jget('http://127.0.0.1:%s/patroni' % API[name])
    if d is None:
        return 1
    print(d.get(field, ''))
    return 0

def cmd_cluster_json():
    cl, _ = cluster()
    if cl is None:
        return 2
    print(json.dumps(cl, indent=2, sort_keys=True))
    return 0

def cmd_etcd_table():
    bad = 0
    names = {}
    for i, p in enumerate(ETCD):
        st, body = http('http://127.0.0.1:%s/v3/cluster/member/list' % p, data=b'{}')
        if st == 200:
            for m in json.loads(body).get('members', []):
                names[str(m.get('ID'))] = m.get('name')
            break
    print('%-7s %-24s %-9s %-8s %s' % ('MEMBER', 'CLIENT URL', 'HEALTH', 'VERSION', 'ROLE'))
    for i, p in enumerate(ETCD):
        url = 'http://127.0.0.1:%s' % p
        d, err = jget(url + '/health')
        health = 'healthy' if d and str(d.get('health')).lower() == 'true' else ('unhealthy' if d else 'down')
        v, _ = jget(url + '/version')
        st, body = http(url + '/v3/maintenance/status', data=b'{}')
        role = ''
        if st == 200:
            s = json.loads(body)
            role = 'leader' if s.get('leader') == s.get('header', {}).get('member_id') else 'follower'
        if health != 'healthy':
            bad = 1
        print('%-7s %-24s %-9s %-8s %s' % ('etcd%d' % (i + 1), url, health, (v or {}).get('etcdserver', '-'), role))
    return bad

def cmd_haproxy_table():
    rows, err = haproxy_rows()
    if rows is None:
        print(err)
        return 1
    print('%-9s %-9s %-9s %-8s %-6s %s' % ('LISTEN', 'SERVER', 'STATUS', 'CHECK', 'CONNS', 'LAST CHANGE'))
    for r in rows:
        if r.get('type') == '2':
            print('%-9s %-9s %-9s %-8s %-6s %ss ago' % (r.get('pxname'), r.get('svname'), r.get('status'),
                  r.get('check_status'), r.get('scur'), r.get('lastchg')))
    return 0

def cmd_text():
    body = sys.stdin.read()
    if '<' in body and re.search(r'(?is)<(html|body|p|title)\b', body):
        m = re.findall(r'(?is)<p>(.*?)</p>', body)
        body = ' '.join(m) if m else re.sub(r'(?s)<[^>]+>', ' ', body)
        body = html.unescape(body)
    print(' '.join(body.split()))
    return 0

def cmd_haproxy_admin(path, command):
    """One command to HAProxy's runtime API; its answer printed; exit 1 when it is an error."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(path)
    s.sendall(command.encode() + b'\n')
    answer = b''
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        answer += chunk
    text = answer.decode('utf-8', 'replace').strip()
    if text:
        print(text)
    return 1 if re.search(r'(?i)unknown|no such|not found|require|invalid', text) else 0

cmds = {'health': cmd_health, 'leader': cmd_leader, 'member': cmd_member, 'members': cmd_members,
        'own': cmd_own, 'cluster-json': cmd_cluster_json, 'etcd-table': cmd_etcd_table,
        'haproxy-table': cmd_haproxy_table, 'text': cmd_text, 'haproxy-admin': cmd_haproxy_admin}
sys.exit(cmds[sys.argv[1]](*sys.argv[2:]))
