#!/bin/sh
# Adds IPS Reflect to this user's applications menu (no administrator rights needed).
# Run it from the unpacked folder, where it stays: ./install-desktop-entry.sh
# To remove the menu entry: rm ~/.local/share/applications/ips-reflect.desktop
set -eu
folder=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed "s|@FOLDER@|$folder|g" "$folder/ips-reflect.desktop.in" > "$apps/ips-reflect.desktop"
chmod 644 "$apps/ips-reflect.desktop"
echo "IPS Reflect is in your applications menu ($apps/ips-reflect.desktop)."
