#!/usr/bin/env bash
# Native AOT size of the sample Lambda function with and without the shield: publishes samples/LambdaFunction and
# samples/LambdaFunction.Bare (same sources, handler and Runtime API host, handler not wrapped) for linux-x64 and
# prints both bootstrap sizes in bytes and the delta. Needs a C toolchain for the native link (clang, or gcc with
# binutils). Each publish goes to its own temporary artifacts folder, so the checkout's bin/ and obj/ are untouched.
#   eng/measure-aot-size.sh              sizes only
#   eng/measure-aot-size.sh --runs 30    also the process-level cold start: each binary run 30 times, alternately,
#                                        on one clean API Gateway event (--event mode: process start to exit)
#   eng/measure-aot-size.sh --map        also writes bootstrap.map.xml (ILC's map: every node and its size) for
#                                        both and keeps the temporary folder
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

map=false
runs=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --map) map=true ;;
        --runs) runs="$2"; shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
work="$(mktemp -d -t shield-aot-size-XXXXXX)"
if [[ "$map" == false ]]; then trap 'rm -rf "$work"' EXIT; fi

publish() {
    local name="$1" project="$2"
    local extra=()
    if [[ "$map" == true ]]; then extra+=("-p:IlcGenerateMapFile=true"); fi
    dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true "${extra[@]}" \
        --artifacts-path "$work/$name-artifacts" -o "$work/$name" --disable-build-servers -nologo -clp:NoSummary \
        > "$work/$name.log" 2>&1 || { tail -40 "$work/$name.log" >&2; exit 1; }
    stat -c %s "$work/$name/bootstrap"
}

shielded=$(publish shielded samples/LambdaFunction/LambdaFunction.csproj)
bare=$(publish bare samples/LambdaFunction.Bare/LambdaFunction.Bare.csproj)
awk -v b="$bare" -v s="$shielded" 'BEGIN {
    printf "bare      %10d bytes (%.2f MiB)\n", b, b / 1048576
    printf "shielded  %10d bytes (%.2f MiB)\n", s, s / 1048576
    printf "delta     %10d bytes (%.2f MiB)\n", s - b, (s - b) / 1048576
}'
if [[ "$map" == true ]]; then
    echo "map files: $work/{shielded,bare}-artifacts/obj/*/release_linux-x64/native/bootstrap.map.xml (folder kept)"
fi

if [[ "$runs" -gt 0 ]]; then
    event="$PWD/samples/LambdaFunction/events/apigw-rest.json"
    for name in shielded bare; do : > "$work/$name.times"; done
    for ((i = 0; i < runs; i++)); do
        for name in shielded bare; do
            start=$(date +%s%N)
            "$work/$name/bootstrap" --event "$event" > /dev/null
            echo $(( $(date +%s%N) - start )) >> "$work/$name.times"
        done
    done
    for name in bare shielded; do
        sort -n "$work/$name.times" | awk -v name="$name" '{ t[NR] = $1 / 1e6; sum += t[NR] }
            END { printf "%-9s cold start (process, %d runs): median %.1f ms, mean %.1f ms, min %.1f ms, max %.1f ms\n",
                  name, NR, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), sum / NR, t[1], t[NR] }'
    done
fi
