using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace ServerlessShield.AwsLambda;

// The UTF-8 bytes an input is inspected as: a string's unescaped value, any other value's JSON text. On .NET 9 and
// later the bytes are unescaped straight from the event (one array); before that, through a string.
internal static class JsonValueBytes
{
    public static ReadOnlyMemory<byte> Of(JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (value.ValueKind != JsonValueKind.String)
        {
            return raw.ToArray();
        }

        var reader = new Utf8JsonReader(raw);
        reader.Read();
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        // Unescaping never lengthens a string; a lone escaped surrogate cannot be written as UTF-8 and goes the old way,
        // which keeps it as U+FFFD exactly as before.
        var buffer = new byte[reader.ValueSpan.Length];
        try
        {
            return buffer.AsMemory(0, reader.CopyString(buffer));
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetBytes(value.GetString()!);
        }
#else
        return value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : Encoding.UTF8.GetBytes(value.GetRawText());
#endif
    }
}
