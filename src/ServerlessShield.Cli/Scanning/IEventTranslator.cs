using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Recognises one family of event files and translates them into the core's model.
internal interface IEventTranslator
{
    bool TryTranslate(JsonElement root, ReadOnlyMemory<byte> bytes, out ReplayEvent replay);
}
