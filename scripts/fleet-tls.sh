#!/usr/bin/env bash
# Makes the fleet's TLS material with openssl, once: a CA, a server certificate for one engine's
# address, and a client certificate. Idempotent: files that already exist are kept.
# Usage: bash scripts/fleet-tls.sh DIR IP [NAME]
#   DIR/ca.pem                       the CA the engine and its clients trust
#   DIR/server-cert.pem, server-key.pem   for dockerd --tlscert/--tlskey (SAN: IP and NAME)
#   DIR/cert.pem, key.pem            the client's, as the Docker CLI and dockerode expect them
set -euo pipefail

DIR="${1:?usage: fleet-tls.sh DIR IP [NAME]}"
IP="${2:?usage: fleet-tls.sh DIR IP [NAME]}"
NAME="${3:-bb-node-1}"
DAYS=30
say() { printf '[fleet-tls] %s\n' "$*" >&2; }

if [ -s "$DIR/ca.pem" ] && [ -s "$DIR/server-cert.pem" ] && [ -s "$DIR/server-key.pem" ] &&
  [ -s "$DIR/cert.pem" ] && [ -s "$DIR/key.pem" ]; then
  exit 0
fi

mkdir -p "$DIR"
chmod 700 "$DIR"
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# P-256 keys: a few milliseconds each, where RSA 4096 takes seconds.
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

key "$work/ca-key.pem"
openssl req -new -x509 -days "$DAYS" -key "$work/ca-key.pem" -subj "/CN=bridgeboard fleet test CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -out "$work/ca.pem" 2>/dev/null

sign() { # sign NAME SUBJECT EXTFILE: a key and a certificate signed by the CA
  key "$work/$1-key.pem"
  openssl req -new -key "$work/$1-key.pem" -subj "$2" -out "$work/$1.csr" 2>/dev/null
  openssl x509 -req -days "$DAYS" -in "$work/$1.csr" -CA "$work/ca.pem" -CAkey "$work/ca-key.pem" \
    -CAcreateserial -extfile "$3" -out "$work/$1-cert.pem" 2>/dev/null
}

printf 'subjectAltName=IP:%s,DNS:%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n' \
  "$IP" "$NAME" >"$work/server.ext"
sign server "/CN=$NAME" "$work/server.ext"
printf 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n' >"$work/client.ext"
sign client "/CN=bridgeboard fleet client" "$work/client.ext"

# The CA key is not kept: nothing else is ever signed with it.
install -m 644 "$work/ca.pem" "$DIR/ca.pem"
install -m 644 "$work/server-cert.pem" "$DIR/server-cert.pem"
install -m 600 "$work/server-key.pem" "$DIR/server-key.pem"
install -m 644 "$work/client-cert.pem" "$DIR/cert.pem"
install -m 600 "$work/client-key.pem" "$DIR/key.pem"
say "made CA, server ($IP) and client certificates in $DIR"
