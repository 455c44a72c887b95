using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Recognises one family of event files and runs them through the shield the way the platform's adapter would.
internal interface IEventReplayer
{
    bool CanReplay(JsonElement root);

    Task<ScanResult> ReplayAsync(JsonElement root, ReadOnlyMemory<byte> bytes);
}
