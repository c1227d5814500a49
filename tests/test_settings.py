import os
import subprocess
import sys

from .utils import ROOT


def run_manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env_extra
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SECRET_KEY": "a-long-production-secret-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "timeline.example.org",
            "DATABASE_URL": "sqlite:///:memory:",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_serve():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    for entry in ("newsroom.wsgi", "newsroom.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {entry}"],
            cwd=ROOT,
            env=env | {"DATABASE_URL": "sqlite:///:memory:"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0, entry
        assert "DJANGO_SECRET_KEY must be set to serve the site" in result.stderr, entry


def test_the_data_commands_run_without_a_secret_key():
    article = ROOT / "fixtures" / "articles" / "001_b91945930c94545a.txt"
    result = run_manage(
        "extract", str(article), "--published", "2023-03-13", env_extra={"DATABASE_URL": "sqlite:///:memory:"}
    )
    assert result.returncode == 0, result.stderr
    assert '"published": "2023-03-13"' in result.stdout


def test_migrations_match_the_models():
    result = run_manage("makemigrations", "--check", "--dry-run", env_extra={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
