# Two commands a new user needs: `make demo` and `make test`. Only Python 3.11 is required.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: demo test venv venv-dev lint messages compilemessages serve worker bandit clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
venv-dev: $(VENV)/.installed-dev

## demo: install, migrate SQLite, seed the demo consultation, print the admin login, then serve
## :8000 with one task worker beside it (runs started in the admin finish); Ctrl-C stops both.
demo: venv
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py analysis_recover
	@echo "Open http://127.0.0.1:8000/ (Korean: http://127.0.0.1:8000/ko/)"
	sh -c '\
		$(PY) manage.py db_worker --no-reload & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000'

## test: lint, the import contract, Django checks, migrations check and the whole pytest suite
test: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: venv-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: refresh every catalogue (needs GNU gettext); translators edit the .po files
MSG_LANGS := -l ko -l es -l zh_Hans -l vi -l so -l tl -l am -l ru
messages: venv-dev
	$(PY) manage.py makemessages $(MSG_LANGS) --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'participation/*' --ignore 'consultation/*' --ignore 'survey/*' \
		--ignore 'analysis/*' --ignore 'textkit/*' \
		--ignore 'tests/*' --ignore 'bench/*'
	for app in participation consultation survey analysis; do \
		(cd $$app && ../$(PY) ../manage.py makemessages $(MSG_LANGS) --no-obsolete --no-location); \
	done
	$(MAKE) compilemessages

compilemessages: venv-dev
	$(PY) -m config.compile_messages

## serve: production runtime on DATABASE_URL / REDIS_URL: migrate, collect static files, then
## gunicorn (config/gunicorn.py) and one task worker; Ctrl-C stops both. See docs/deployment.md.
SERVE_SETTINGS ?= config.settings.production
serve: venv
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(PY) manage.py migrate --no-input -v0
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(PY) manage.py collectstatic --no-input -v0
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(PY) manage.py analysis_recover
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) sh -c '\
		$(PY) manage.py db_worker & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi:application'

## worker: one more background-task worker (run M of them, on any machine with the settings);
## `make worker SERVE_SETTINGS=config.settings.dev` runs one beside a development server.
worker: venv
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(PY) manage.py analysis_recover
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(PY) manage.py db_worker --no-reload

## bandit: security lint of the project's code (fails on high-severity findings)
bandit: venv-dev
	$(VENV)/bin/bandit -q -r config textkit participation consultation survey analysis bench \
		-x '*/migrations/*' \
		--severity-level high

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
