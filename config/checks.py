"""System checks for how the site is deployed.

The rule for proxies: the site counts as behind a proxy when BEHIND_PROXY says so, or (when it
is unset) when any setting that trusts a proxy's headers is on (SECURE_PROXY_SSL_HEADER,
USE_X_FORWARDED_HOST, USE_X_FORWARDED_PORT). Behind a proxy, REMOTE_ADDR is the proxy's
address, so unless RATE_LIMIT_TRUSTED_PROXIES says how many proxies append to X-Forwarded-For,
every resident shares one rate limit (W001). The other way round, trusting X-Forwarded-For
with no proxy in front lets anyone choose their own address (W002)."""

from django.conf import settings
from django.core import checks

PROXY_HEADER_SETTINGS = ("SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST", "USE_X_FORWARDED_PORT")


def behind_proxy() -> bool:
    declared = getattr(settings, "BEHIND_PROXY", None)
    if declared is not None:
        return bool(declared)
    return any(getattr(settings, name, None) for name in PROXY_HEADER_SETTINGS)


def _proxy_settings_in_use() -> str:
    named = [name for name in PROXY_HEADER_SETTINGS if getattr(settings, name, None)]
    if getattr(settings, "BEHIND_PROXY", None):
        named.insert(0, "BEHIND_PROXY")
    return ", ".join(named)


@checks.register(checks.Tags.security)
def check_trusted_proxies(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    trusted = int(getattr(settings, "RATE_LIMIT_TRUSTED_PROXIES", 0) or 0)
    if behind_proxy() and trusted <= 0:
        return [
            checks.Warning(
                f"The site is behind a proxy ({_proxy_settings_in_use()}) but "
                "RATE_LIMIT_TRUSTED_PROXIES is 0: every resident's requests come from the "
                "proxy's address, so they all share one rate limit and one address hash.",
                hint=(
                    "Set RATE_LIMIT_TRUSTED_PROXIES to the number of proxies that append to "
                    "X-Forwarded-For (1 for one load balancer), or BEHIND_PROXY=false if no "
                    "proxy is in front (see docs/deployment.md, 'Proxies')."
                ),
                id="consult.W001",
            )
        ]
    if getattr(settings, "BEHIND_PROXY", None) is False and trusted > 0:
        return [
            checks.Warning(
                f"RATE_LIMIT_TRUSTED_PROXIES is {trusted} but BEHIND_PROXY is false: with no "
                "proxy in front, anyone can choose their own address in X-Forwarded-For.",
                hint="Set RATE_LIMIT_TRUSTED_PROXIES=0, or BEHIND_PROXY=true if a proxy is used.",
                id="consult.W002",
            )
        ]
    return []
