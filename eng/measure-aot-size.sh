#!/usr/bin/env bash
# Native AOT size of the sample Lambda function with and without the shield: publishes samples/LambdaFunction and
# samples/LambdaFunction.Bare (same sources, handler and Runtime API host, handler not wrapped) for linux-x64 and
# prints both bootstrap sizes in bytes and the delta. Needs a C toolchain for the native link (clang, or gcc with
# binutils). Each publish goes to its own temporary artifacts folder, so the checkout's bin/ and obj/ are untouched.
#   eng/measure-aot-size.sh            sizes only
#   eng/measure-aot-size.sh --map      also writes bootstrap.map.xml beside each binary and keeps the folder
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

map=false
if [[ "${1:-}" == "--map" ]]; then map=true; fi
work="$(mktemp -d -t shield-aot-size-XXXXXX)"
if [[ "$map" == false ]]; then trap 'rm -rf "$work"' EXIT; fi

publish() {
    local name="$1" project="$2"
    local extra=()
    if [[ "$map" == true ]]; then extra+=("-p:IlcGenerateMapFile=true"); fi
    dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true "${extra[@]}" \
        --artifacts-path "$work/$name-artifacts" -o "$work/$name" --disable-build-servers -nologo -clp:NoSummary \
        > "$work/$name.log" 2>&1 || { tail -40 "$work/$name.log"; exit 1; }
    stat -c %s "$work/$name/bootstrap"
}

shielded=$(publish shielded samples/LambdaFunction/LambdaFunction.csproj)
bare=$(publish bare samples/LambdaFunction.Bare/LambdaFunction.Bare.csproj)
awk -v b="$bare" -v s="$shielded" 'BEGIN {
    printf "bare      %10d bytes (%.2f MiB)\n", b, b / 1048576
    printf "shielded  %10d bytes (%.2f MiB)\n", s, s / 1048576
    printf "delta     %10d bytes (%.2f MiB)\n", s - b, (s - b) / 1048576
}'
if [[ "$map" == true ]]; then echo "map files: $work/{bare,shielded}/bootstrap.map.xml (folder kept)"; fi
