"""IPS Reflect: a private, offline companion for IPS practitioners."""

__version__ = "0.1.0"
APP_NAME = "IPS Reflect"
