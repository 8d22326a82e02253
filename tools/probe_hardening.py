"""Repeat of issue 15's probe against a running site on loopback (not part of make test).

Set-up, with a throwaway database:
    export DATABASE_URL=sqlite:////tmp/probe.sqlite3 QUIZGEN_FETCH_ALLOW_PRIVATE=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    # two teachers, probe_teacher / Richtig-Passwort-12 and probe_two / Zweites-Passwort-12, and a
    # generated, published quiz of probe_teacher's (its share token is the second argument)
    .venv/bin/python manage.py runserver 127.0.0.1:8765 --noreload &
    .venv/bin/python tools/probe_hardening.py http://127.0.0.1:8765 SHARE_TOKEN

It prints: the log-in answers for wrong passwords then the right one; the CSP and
Permissions-Policy headers of several pages; the notes of the learner's Anki deck before any
attempt; how long a page that trickles its reply holds the fetch; how fast the 8,000-row CSV is
refused. The trickling server listens on loopback only and stops after 60 s.
"""
import http.cookiejar, io, re, socket, sqlite3, sys, tempfile, threading, time, urllib.parse, urllib.request, zipfile

BASE = sys.argv[1].rstrip("/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect()), jar


def call(opener, path, data=None, files=None):
    headers = {}
    body = None
    if files is not None:
        boundary = "----h15probe"
        parts = []
        for k, v in (data or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        for k, (name, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                         f'Content-Type: text/csv\r\n\r\n'.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif data is not None:
        body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(BASE + path, data=body, headers={**headers, "Referer": BASE + path})
    try:
        response = opener.open(request, timeout=120)
        return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def csrf(opener, jar, path):
    call(opener, path)
    return next(c.value for c in jar if c.name == "csrftoken")


t2, j2 = session()  # a second teacher, signed in before the probe's wrong passwords lock this address
token = csrf(t2, j2, "/accounts/login/")
status, headers, _ = call(t2, "/accounts/login/", {"csrfmiddlewaretoken": token, "username": "probe_two",
                                                   "password": "Zweites-Passwort-12"})
print("== 0. teacher probe_two signed in:", status)
print("== 1. log-in: wrong passwords, then the right one")
opener, jar = session()
for n in range(1, 8):
    token = csrf(opener, jar, "/accounts/login/")
    password = "falsch" if n < 7 else "Richtig-Passwort-12"
    status, headers, _ = call(opener, "/accounts/login/", {"csrfmiddlewaretoken": token, "username": "probe_teacher",
                                                           "password": password})
    print(f"   attempt {n} ({'right' if n == 7 else 'wrong'} password): {status}")

print("== 2. CSP and Permissions-Policy on every page")
pages = ["/", "/join/", "/accounts/login/", "/accounts/signup/", "/accounts/password-reset/", "/admin/login/",
         "/articles/1/", "/no-such-page/", "/static/learnsite/site.css"]
for path in pages:
    status, headers, _ = call(session()[0], path)
    print(f"   {status} {path:28s} CSP: {headers.get('Content-Security-Policy', 'MISSING')[:60]}... "
          f"Permissions-Policy: {'yes' if headers.get('Permissions-Policy') else 'MISSING'}")

print("== 3. the learner's Anki deck before finishing")
teacher, tjar = session()
token = csrf(teacher, tjar, "/accounts/login/")
# a fresh address would be needed after the lock: log in through the password-reset-free path is locked,
# so the deck is checked on a quiz made in the database by the caller (argument 2: share token)
share = sys.argv[2] if len(sys.argv) > 2 else None
if share:
    status, headers, content = call(session()[0], f"/q/{share}/download/apkg/")
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/c.anki2"
        open(path, "wb").write(zipfile.ZipFile(io.BytesIO(content)).read("collection.anki2"))
        db = sqlite3.connect(path)
        import json
        models = json.loads(db.execute("select models from col").fetchone()[0])
        names = {int(k): v["name"] for k, v in models.items()}
        counts = {}
        for (mid,) in db.execute("select mid from notes"):
            counts[names[mid]] = counts.get(names[mid], 0) + 1
        clozes = db.execute("select count(*) from notes where flds like '%{{c1::%'").fetchone()[0]
    print(f"   GET /q/<token>/download/apkg/ anonymously: {status}, notes by type {counts}, notes with {{{{c1::answer}}}}: {clozes}")

print("== 4. a server that trickles its reply (1 byte every 0.5 s for 60 s)")
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen()
port = server.getsockname()[1]
def trickle():
    conn, _ = server.accept()
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
    end = time.monotonic() + 60
    try:
        while time.monotonic() < end:
            conn.sendall(b"x"); time.sleep(0.5)
    except OSError:
        pass
threading.Thread(target=trickle, daemon=True).start()
token = csrf(t2, j2, "/quizzes/new/")
started = time.monotonic()
status, headers, body = call(t2, "/quizzes/new/", {"csrfmiddlewaretoken": token, "url": f"http://127.0.0.1:{port}/artikel"})
message = re.search(r"could not be fetched in time[^<]*", body.decode())
print(f"   POST /quizzes/new/ with the URL: {status} after {time.monotonic() - started:.1f} s: {message.group(0) if message else body[:200]}")

print("== 5. the probe's 8,000-row CSV (84 KB of bad rows)")
rows = "title,text,level\n" + "".join(f"Titel {i % 3},x,Z{i % 10}\n" for i in range(8000))
token = csrf(t2, j2, "/quizzes/import/")
started = time.monotonic()
status, headers, body = call(t2, "/quizzes/import/", {"csrfmiddlewaretoken": token, "level": "B1"},
                             files={"csv": ("artikel.csv", rows.encode())})
message = re.search(r"has more than[^<]*", body.decode())
print(f"   POST /quizzes/import/ ({len(rows.encode()) / 1000:.0f} KB): {status} after {time.monotonic() - started:.2f} s: {message.group(0) if message else body[:200]}")
