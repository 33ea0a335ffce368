#!/usr/bin/env bash
# The Slurm test of `make test` (docs/scale-out.md): a private single-node Slurm cluster
# from Debian's packages (slurmctld, slurmd, slurm-client, munge), on loopback only and
# without systemd, runs a 4-task array of a 10⁶-draw run and its merge; the merged report
# must be byte for byte the single-process `grdp run`. Everything lives in a temporary
# directory and every daemon is stopped at the end. Skips (one line, exit 0) only when
# the packages cannot be installed.
#
#   GRDP=path/to/grdp scripts/slurm/ci-test.sh     (default: .build/release/grdp, built if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
DRAWS="${DRAWS:-1000000}"
TASKS=4

need=()
for tool in slurmctld slurmd sbatch munged; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    if ! { command -v apt-get >/dev/null && $SUDO apt-get update -qq >/dev/null 2>&1 &&
           DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null 2>&1; }; then
        echo "slurm test skipped: the Debian packages slurmctld slurmd slurm-client munge cannot be installed here"
        exit 0
    fi
fi

GRDP="${GRDP:-$ROOT/.build/release/grdp}"
if [ ! -x "$GRDP" ]; then swift build -c release --product grdp >/dev/null; fi
GRDP="$(cd "$(dirname "$GRDP")" && pwd)/$(basename "$GRDP")"

T="$(mktemp -d -t grdp-slurm.XXXXXX)"
chmod 755 "$T"
pids=()
cleanup() {
    status=$?
    for f in "$T"/slurmd.pid "$T"/slurmctld.pid "$T"/munged.pid; do
        [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
    done
    sleep 1
    for f in "$T"/slurmd.pid "$T"/slurmctld.pid "$T"/munged.pid; do
        [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null || true
    done
    if [ $status -ne 0 ]; then
        for log in "$T"/*.log "$T"/out/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -n 20 "$log"; }; done
    fi
    rm -rf "$T"
    exit $status
}
trap cleanup EXIT INT TERM

# munge: a private key and socket.
dd if=/dev/urandom of="$T/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge.key"
mkdir -p "$T/munge"; chmod 755 "$T/munge"
munged --force --key-file="$T/munge.key" --socket="$T/munge/socket" --pid-file="$T/munged.pid" \
    --log-file="$T/munged.log" --seed-file="$T/munge/seed"

# Slurm: one node, one partition, loopback, a free pair of ports.
PORT=$((20000 + RANDOM % 20000))
HOST="$(hostname -s)"
CPUS="$(nproc)"
mkdir -p "$T/state" "$T/spool" "$T/out"
USER_NAME="$(id -un)"
cat > "$T/slurm.conf" <<CONF
ClusterName=grdpci
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=$USER_NAME
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge/socket
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=grdpnode NodeAddr=127.0.0.1 NodeHostname=$HOST CPUs=$CPUS State=UNKNOWN
PartitionName=ci Nodes=grdpnode Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/slurm.conf"
slurmctld -i -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N grdpnode
for _ in $(seq 1 60); do
    state="$(sinfo -h -N -o %t 2>/dev/null | head -n 1 || true)"
    [ "$state" = idle ] && break
    sleep 1
done
[ "$state" = idle ] || { echo "slurm test: the node did not come up (state '$state')" >&2; exit 1; }

# The single process, then the array and the merge.
"$GRDP" run --draws "$DRAWS" --format json --progress none -o "$T/single.json"
cd "$T/out"
GRDP="$GRDP" GRDP_OUT="$T/out/shards" WAIT=1 bash "$ROOT/scripts/slurm/submit.sh" "$TASKS" "$T/merged.json" --draws "$DRAWS" >/dev/null
cmp "$T/single.json" "$T/merged.json"
echo "slurm test: a $TASKS-task array of $DRAWS draws merged into the single process's bytes"
